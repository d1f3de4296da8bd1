import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors';
import { fsyncDirectory } from '../fs/atomic-write';
import { chunkAad, chunkNonce, writeAll } from './chunk-framing';

/**
 * The at-rest format of a stored file (附件, 线索材料): AES-256-GCM in independent chunks so a
 * 2 GB scan is streamed in and out without ever sitting whole in memory.
 *
 *   header  "XCF1" | version (1) | chunk size (u32 BE) | file id (16) | nonce prefix (8)
 *   chunk i ciphertext (≤ chunk size) | tag (16)
 *
 * Chunk i uses nonce = prefix ‖ i (u32 BE) and authenticates the header, its index and
 * whether it is the last chunk, so chunks cannot be reordered, dropped, repeated or cut off
 * at the end without the tag failing. Each file has its own random key (sealed by the vault).
 */
const MAGIC = Buffer.from('XCF1', 'latin1');
const VERSION = 1;
const HEADER_BYTES = 4 + 1 + 4 + 16 + 8;
const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export interface WrittenFile {
  /** Bytes of the original. */
  size: number;
  /** SHA-256 of the original, hex: the fixity value kept with the record. */
  sha256: string;
  fileId: string;
}

/**
 * Cuts a stream of pieces into chunks of exactly `chunkBytes` (the last one shorter, or empty
 * for an empty file). A piece that holds a whole chunk is handed on as a view, not copied: with
 * a 1 MiB read stream every chunk is one read buffer. Pieces that do not line up are gathered in
 * two buffers used in turn, since the caller still holds the previous chunk (to learn whether it
 * was the last) while the next one is filled.
 *
 * The source must not reuse a buffer it has handed out (Node's streams and generators of
 * distinct buffers do not); `onPiece` sees every piece as it arrives, for the hash. The two
 * buffers are the caller's (`spare`, filled in as needed), to wipe once the last chunk is sealed.
 */
async function* chunksOf(source: AsyncIterable<Uint8Array>, chunkBytes: number, spare: Buffer[], onPiece: (piece: Buffer) => void): AsyncGenerator<Buffer> {
  let turn = 0;
  let filling: Buffer | null = null;
  let filled = 0;
  let yielded = false;
  for await (const piece of source) {
    let bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    onPiece(bytes);
    while (bytes.length > 0) {
      if (!filling && bytes.length >= chunkBytes) {
        yielded = true;
        yield bytes.subarray(0, chunkBytes);
        bytes = bytes.subarray(chunkBytes);
        continue;
      }
      if (!filling) {
        filling = spare[turn] ??= Buffer.allocUnsafe(chunkBytes);
        turn = 1 - turn;
        filled = 0;
      }
      const taken = bytes.copy(filling, filled, 0, Math.min(bytes.length, chunkBytes - filled));
      filled += taken;
      bytes = bytes.subarray(taken);
      if (filled === chunkBytes) {
        const chunk = filling;
        filling = null;
        yielded = true;
        yield chunk;
      }
    }
  }
  if (filling) yield filling.subarray(0, filled);
  else if (!yielded) yield Buffer.alloc(0);
}

/**
 * Encrypts a stream of plaintext into `target`: written to a temp name beside it, fsynced,
 * then renamed, so a crash never leaves a half file under the real name. Each chunk is
 * encrypted straight from the buffer it arrived in, and its ciphertext and tag go out in one
 * writev: the only copy of the bytes is the ciphertext itself.
 */
export async function writeEncryptedFile(
  source: AsyncIterable<Uint8Array>,
  target: string,
  fileKey: Buffer,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<WrittenFile> {
  const fileId = randomBytes(16);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[4] = VERSION;
  header.writeUInt32BE(chunkBytes, 5);
  fileId.copy(header, 9);
  const prefix = randomBytes(8);
  prefix.copy(header, 25);

  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  const hash = createHash('sha256');
  const spare: Buffer[] = [];
  let size = 0;
  let index = 0;
  const sealChunk = (plain: Buffer, last: boolean) => {
    if (index > 0xffffffff) throw new AppError('INVALID_INPUT', '文件过大');
    const cipher = createCipheriv('aes-256-gcm', fileKey, chunkNonce(prefix, index));
    cipher.setAAD(chunkAad(header, index, last));
    const body = cipher.update(plain);
    // GCM holds nothing back: final() only computes the tag.
    cipher.final();
    writeAll(fd, [body, cipher.getAuthTag()]);
    index += 1;
  };
  try {
    writeAll(fd, [header]);
    // Each chunk is sealed once the next one (or the end) has been seen: the last chunk is
    // marked as last in its authenticated data.
    let pending: Buffer | null = null;
    for await (const chunk of chunksOf(source, chunkBytes, spare, (piece) => {
      hash.update(piece);
      size += piece.length;
    })) {
      if (pending) sealChunk(pending, false);
      pending = chunk;
    }
    sealChunk(pending!, true);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    // Plaintext gathered in `spare` would otherwise wait in memory for the garbage collector.
    for (const buffer of spare) buffer.fill(0);
  }
  closeSync(fd);
  renameSync(temp, target);
  fsyncDirectory(dirname(target));
  return { size, sha256: hash.digest('hex'), fileId: fileId.toString('hex') };
}

/**
 * Decrypts chunk by chunk, verifying each tag before its plaintext is handed out. A failed tag,
 * a truncated file or a wrong header raises FILE_TAMPERED; the caller must discard anything it
 * received (a viewer buffers the whole file and checks the SHA-256 before showing it).
 *
 * The file's size, taken once at open, tells which frame is the last: a cut or an extension
 * moves that boundary, and the chunk then read as last (or not) fails its tag.
 */
export async function* readEncryptedFile(path: string, fileKey: Buffer): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const fileBytes = fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !header.subarray(0, 4).equals(MAGIC) || header[4] !== VERSION) {
      throw tampered('文件头无效');
    }
    const chunkBytes = header.readUInt32BE(5);
    if (chunkBytes < 1024 || chunkBytes > 64 * 1024 * 1024) throw tampered('分块大小无效');
    const prefix = header.subarray(25, 33);
    const frame = Buffer.alloc(chunkBytes + TAG_BYTES);
    let position = HEADER_BYTES;
    let index = 0;
    for (;;) {
      const wanted = Math.min(frame.length, fileBytes - position);
      const read = wanted > 0 ? readSync(fd, frame, 0, wanted, position) : 0;
      if (read < TAG_BYTES || read !== wanted) throw tampered('文件被截断');
      position += read;
      const last = position >= fileBytes;
      const decipher = createDecipheriv('aes-256-gcm', fileKey, chunkNonce(prefix, index));
      decipher.setAAD(chunkAad(header, index, last));
      decipher.setAuthTag(frame.subarray(read - TAG_BYTES, read));
      let plain: Buffer;
      try {
        plain = decipher.update(frame.subarray(0, read - TAG_BYTES));
        decipher.final();
      } catch {
        throw tampered(`第 ${index + 1} 块校验失败`);
      }
      yield plain;
      if (last) return;
      index += 1;
    }
  } finally {
    closeSync(fd);
  }
}

function tampered(detail: string): AppError {
  return new AppError('FILE_TAMPERED', undefined, { detail });
}
