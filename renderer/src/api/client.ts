/**
 * The renderer's one way to reach the core: a typed client over `window.api.invoke`, which the
 * Electron preload (or, without Electron, the Chromium bridge) provides. Types come from the
 * channel table in shared/contract.ts, so a wrong channel name or input shape is a compile error.
 */
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { AppErrorShape, IpcResult, XunchaApi } from '../../../shared/result';
import type { ErrorCode } from '../../../shared/errors';

declare global {
  interface Window {
    api: XunchaApi;
  }
}

/** A failed call, thrown by `call()` so that React code can use try/catch. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.code = shape.code;
    this.details = shape.details;
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, details: this.details };
  }
}

type SessionEndedListener = (code: ErrorCode) => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Called when any call answers LOCKED or NOT_SIGNED_IN: the core locked or ended the session on
 * its own (idle timeout, another window), so the app must re-read app.status.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function bridgeMissing(): IpcResult<never> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: '程序内部错误，操作未完成，数据未改动',
      details: { reason: 'window.api is not available' },
    },
  };
}

/** Calls a channel and returns its result; never throws. */
export async function invoke<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<IpcResult<ChannelOutput<C>>> {
  const api = typeof window !== 'undefined' ? window.api : undefined;
  if (!api || typeof api.invoke !== 'function') return bridgeMissing();
  let result: IpcResult<unknown>;
  try {
    result = await api.invoke(channel, input);
  } catch (error) {
    // The bridge itself failed (should not happen: the core returns results, not exceptions).
    result = {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '程序内部错误，操作未完成，数据未改动',
        details: { reason: error instanceof Error ? error.message : String(error) },
      },
    };
  }
  if (!result || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
    result = { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动' } };
  }
  if (!result.ok && (result.error.code === 'LOCKED' || result.error.code === 'NOT_SIGNED_IN')) {
    for (const listener of sessionEndedListeners) listener(result.error.code);
  }
  return result as IpcResult<ChannelOutput<C>>;
}

/** Calls a channel and returns its value, or throws an AppError. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new AppError(result.error);
  return result.value;
}

/** Turns anything caught into an AppError (so the UI always has a code to translate). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError({
    code: 'INTERNAL',
    message: '程序内部错误，操作未完成，数据未改动',
    details: { reason: error instanceof Error ? error.message : String(error) },
  });
}
