/**
 * The single IPC entry point. The shell only checks who is calling and keeps exceptions from
 * crossing the boundary; validation, permissions and everything else belong to the core.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { errorMessages } from '../../shared/errors';
import { IPC_INVOKE_CHANNEL, type IpcResult } from '../../shared/result';
import { isAppUrl } from './origin';

/** The part of the core the shell uses (see electron/core/index.ts). */
export interface CoreInvoker {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export const FORBIDDEN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: errorMessages.FORBIDDEN_SENDER },
};

const MAX_CHANNEL_LENGTH = 100;

/**
 * True only when the message comes from the main frame of our own window, showing a page
 * from app://xuncha. Subframes, other webContents and pages from anywhere else are refused.
 */
export function isTrustedSender(event: SenderEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (window === null || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender !== contents) return false;
  const mainFrame = contents.mainFrame;
  const sameFrame =
    frame === mainFrame ||
    (frame.processId === mainFrame.processId && frame.frameToken === mainFrame.frameToken);
  if (!sameFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export interface IpcDependencies {
  core: CoreInvoker;
  /** The window whose main frame may call; null while there is none. */
  getWindow: () => BrowserWindow | null;
}

/** The handler body, separate from ipcMain so it can be called directly. */
export function createInvokeHandler(deps: IpcDependencies) {
  return async (event: SenderEvent, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    try {
      if (!isTrustedSender(event, deps.getWindow())) return FORBIDDEN_SENDER;
      if (typeof channel !== 'string' || channel.length === 0 || channel.length > MAX_CHANNEL_LENGTH) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: errorMessages.UNKNOWN_CHANNEL },
        };
      }
      return await deps.core.invoke(channel, input);
    } catch (error) {
      // Never log `input`: it may hold passwords or case material.
      console.error('[xuncha] IPC 处理异常', typeof channel === 'string' ? channel : '?', error);
      return { ok: false, error: { code: 'INTERNAL', message: errorMessages.INTERNAL } };
    }
  };
}

export function registerIpc(ipcMain: IpcMainLike, deps: IpcDependencies): () => void {
  const handler = createInvokeHandler(deps);
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    handler(event, channel, input),
  );
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
