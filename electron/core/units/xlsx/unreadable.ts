import { AppError } from '../../errors';

/** Why a file was refused as a whole; travels in `details.reason` for the renderer. */
export type UnreadableReason =
  | 'empty'
  | 'notZip'
  | 'legacyOrEncrypted'
  | 'notWorkbook'
  | 'corrupt'
  | 'tooLarge'
  | 'tooManyRows'
  | 'noSheet';

/** IMPORT_UNREADABLE with a Chinese message saying what is wrong and what to do. */
export function unreadable(reason: UnreadableReason, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('IMPORT_UNREADABLE', message, { reason, ...extra });
}
