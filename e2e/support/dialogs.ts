/**
 * The OS file dialogs in the e2e tests: a test says what the next open or save dialog answers
 * (a prepared path, or null for a user who closes it), and the real core then streams the
 * real file. Bridge host: a FilePort handed to the core. Electron host: Electron's dialog
 * module patched in the main process for the next call only.
 */
import type { ElectronApplication } from '@playwright/test';
import type { FilePort } from '../../electron/core/files/file-port';

export interface DialogAnswer {
  /** The chosen path; null: the user closes the dialog. */
  path: string | null;
  /** How long the "user" takes to choose (the app shows its busy notice meanwhile). */
  delayMs?: number;
}

export interface TestDialogs {
  answerNextOpen(answer: DialogAnswer): Promise<void>;
  answerNextSave(answer: DialogAnswer): Promise<void>;
  /** The titles the core gave the dialogs it opened, in order (bridge host only). */
  readonly titles: readonly string[];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** For the bridge host: a FilePort answering from queues; an unprepared dialog is cancelled. */
export function testFilePort(): { port: FilePort; dialogs: TestDialogs } {
  const opens: DialogAnswer[] = [];
  const saves: DialogAnswer[] = [];
  const titles: string[] = [];
  const answer = async (queue: DialogAnswer[], title: string) => {
    titles.push(title);
    const next = queue.shift() ?? { path: null };
    if (next.delayMs) await wait(next.delayMs);
    return next.path;
  };
  return {
    port: {
      chooseFileToOpen: ({ title }) => answer(opens, title),
      chooseFileToSave: ({ title }) => answer(saves, title),
    },
    dialogs: {
      answerNextOpen: async (next) => void opens.push(next),
      answerNextSave: async (next) => void saves.push(next),
      titles,
    },
  };
}

/** For the Electron host: the next showOpenDialog / showSaveDialog answers as prepared. */
export function electronDialogs(app: ElectronApplication): TestDialogs {
  const patch = (method: 'showOpenDialog' | 'showSaveDialog', next: DialogAnswer) =>
    app.evaluate(
      ({ dialog }, [name, path, delayMs]) => {
        const target = dialog as unknown as Record<string, unknown>;
        const original = target[name];
        target[name] = async () => {
          target[name] = original;
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (path === null) return name === 'showOpenDialog' ? { canceled: true, filePaths: [] } : { canceled: true };
          return name === 'showOpenDialog' ? { canceled: false, filePaths: [path] } : { canceled: false, filePath: path };
        };
      },
      [method, next.path, next.delayMs ?? 0] as const,
    );
  return {
    answerNextOpen: (next) => patch('showOpenDialog', next),
    answerNextSave: (next) => patch('showSaveDialog', next),
    titles: [],
  };
}
