import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { electronFilePort, type DialogModule } from './dialogs';

function dialogs(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
  return {
    showOpenDialog: vi.fn(async () => open),
    showSaveDialog: vi.fn(async () => save),
  } as unknown as DialogModule & { showOpenDialog: ReturnType<typeof vi.fn>; showSaveDialog: ReturnType<typeof vi.fn> };
}

describe('the core’s file port over Electron dialogs', () => {
  it('opens modal to the window and returns the chosen path, or null when cancelled', async () => {
    const window = {} as BrowserWindow;
    const chosen = dialogs({ canceled: false, filePaths: ['/home/u/举报信.pdf'] }, { canceled: false, filePath: '/home/u/副本.pdf' });
    const port = electronFilePort(chosen, () => window);
    expect(await port.chooseFileToOpen({ title: '选择', filters: [{ name: 'PDF', extensions: ['pdf'] }] })).toBe('/home/u/举报信.pdf');
    expect(chosen.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'PDF', extensions: ['pdf'] }] }));
    expect(await port.chooseFileToSave({ title: '另存', defaultName: '举报信.pdf' })).toBe('/home/u/副本.pdf');
    expect(chosen.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: '举报信.pdf' }));

    const cancelled = electronFilePort(dialogs({ canceled: true, filePaths: [] }, { canceled: true }), () => null);
    expect(await cancelled.chooseFileToOpen({ title: 'x', filters: [] })).toBeNull();
    expect(await cancelled.chooseFileToSave({ title: 'x', defaultName: 'a' })).toBeNull();
  });
});
