/**
 * What crosses the process boundary: a JSON-shaped result, never a thrown error.
 * Both Electron's ipcMain handler and the test/browser bridge return exactly this.
 */
import type { ErrorCode } from './errors';

export interface AppErrorShape {
  code: ErrorCode;
  /** Chinese, ready to show; the renderer may translate by code. */
  message: string;
  /** Machine-readable extras (e.g. retryAfterSeconds, the broken audit entry). */
  details?: Record<string, unknown>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** The single IPC channel name; the contract's channels travel as its first argument. */
export const IPC_INVOKE_CHANNEL = 'xuncha:invoke';

/** The one surface the preload exposes to the renderer as `window.api`. */
export interface XunchaApi {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}
