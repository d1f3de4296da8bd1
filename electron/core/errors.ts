import { errorMessages, type ErrorCode } from '../../shared/errors';
import type { AppErrorShape } from '../../shared/result';

/**
 * The one error type the core throws on purpose. The router turns it into
 * `{ ok: false, error: { code, message } }`; anything else becomes INTERNAL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
