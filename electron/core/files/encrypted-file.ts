import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors';
import { fsyncDirectory } from '../fs/atomic-write';

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

function chunkAad(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

/**
 * Encrypts a stream of plaintext into `target`: written to a temp name beside it, fsynced,
 * then renamed, so a crash never leaves a half file under the real name.
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
  let size = 0;
  let index = 0;
  try {
    writeSync(fd, header);
    // Hold back one full chunk so the last one can be marked as last.
    let pending: Buffer | null = null;
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    const sealChunk = (plain: Buffer, last: boolean) => {
      const cipher = createCipheriv('aes-256-gcm', fileKey, chunkNonce(prefix, index));
      cipher.setAAD(chunkAad(header, index, last));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      writeSync(fd, body);
      writeSync(fd, cipher.getAuthTag());
      index += 1;
      if (index > 0xffffffff) throw new AppError('INVALID_INPUT', '文件过大');
    };
    for await (const piece of source) {
      const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      hash.update(bytes);
      size += bytes.length;
      buffered.push(bytes);
      bufferedBytes += bytes.length;
      while (bufferedBytes >= chunkBytes) {
        const joined: Buffer = buffered.length === 1 ? buffered[0]! : Buffer.concat(buffered);
        const chunk = joined.subarray(0, chunkBytes);
        const rest = joined.subarray(chunkBytes);
        if (pending) sealChunk(pending, false);
        pending = Buffer.from(chunk);
        buffered = rest.length ? [rest] : [];
        bufferedBytes = rest.length;
      }
    }
    const tail = Buffer.concat(buffered);
    if (pending && tail.length === 0) sealChunk(pending, true);
    else {
      if (pending) sealChunk(pending, false);
      sealChunk(tail, true);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
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
 */
export async function* readEncryptedFile(path: string, fileKey: Buffer): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
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
      const read = readSync(fd, frame, 0, frame.length, position);
      if (read < TAG_BYTES) throw tampered('文件被截断');
      position += read;
      // A short frame, or a full one with nothing after it, must be the last chunk.
      const probe = Buffer.alloc(1);
      const last = read < frame.length || readSync(fd, probe, 0, 1, position) === 0;
      const body = frame.subarray(0, read - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', fileKey, chunkNonce(prefix, index));
      decipher.setAAD(chunkAad(header, index, last));
      decipher.setAuthTag(frame.subarray(read - TAG_BYTES, read));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
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
