/**
 * A file the user picks in the system dialog to be stored (clue material, archive originals):
 * only its path crosses over, so a file of any size up to MAX_FILE_BYTES is streamed from disk
 * into the encrypted store and never passes through the renderer.
 */
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CoreContext } from '../context';
import { AppError } from '../errors';

/** The largest file the store takes from disk (a multi-page colour scan fits well inside). */
const MAX_FILE_BYTES = 8 * 1024 ** 3;

export interface ChosenFile {
  path: string;
  fileName: string;
  mime: string;
  size: number;
  /** The file's bytes, read 1 MiB at a time. */
  open: () => ReadStream;
}

/**
 * Shows the open dialog for `types`; refuses a cancelled dialog (CANCELLED), a type not in
 * `types` (with `typesText`, said in Chinese) and a file over 8 GB.
 */
export async function chooseFileFromDisk(
  ctx: CoreContext,
  options: { title: string; filterName: string; types: Readonly<Record<string, string>>; typesText: string },
): Promise<ChosenFile> {
  if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
  const path = await ctx.options.files.chooseFileToOpen({ title: options.title, filters: [{ name: options.filterName, extensions: Object.keys(options.types) }] });
  if (!path) throw new AppError('CANCELLED');
  const mime = options.types[extname(path).slice(1).toLowerCase()];
  if (!mime) throw new AppError('INVALID_INPUT', options.typesText);
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new AppError('INVALID_INPUT', '文件超过 8 GB，无法存入');
  return { path, fileName: basename(path), mime, size, open: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) };
}
