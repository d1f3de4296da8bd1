/**
 * The core's FilePort over Electron's dialog module: open and save dialogs, modal to the
 * app window. Only paths cross into the core; it streams the files itself.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { FilePort } from '../core/files/file-port';

export type DialogModule = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

export function electronFilePort(dialog: DialogModule, getWindow: () => BrowserWindow | null): FilePort {
  return {
    async chooseFileToOpen({ title, filters }) {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave({ title, defaultName }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
