import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { chunkAad, chunkNonce, writeAll } from '../files/chunk-framing';
import { fsyncDirectory } from '../fs/atomic-write';

/**
 * The container behind backups (and, later, exchange packages between offices): one file of
 * named parts, encrypted and authenticated as a whole, streamed in and out in bounded memory.
 *
 *   "XCTR" | version (1) | header length (u32 BE) | header (JSON, clear) | SHA-256 of all before it
 *   frame*: ciphertext length (u32 BE) | ciphertext | GCM tag (16)
 *
 * Each frame is AES-256-GCM under the container's own random content key, with nonce =
 * header.noncePrefix ‖ frame index, and authenticates the header's digest, its index and whether
 * it is the last frame of the file. So frames cannot be altered, reordered, dropped, repeated or
 * cut off at the end, and the clear header cannot be changed, without a tag failing. How the
 * content key is sealed (`header.key`) is up to the layer above: a backup seals it under a key
 * derived from the vault's data key; a package would seal it to the receiving office.
 *
 * Frame plaintext is a type byte and a payload: PART (JSON {name, size}) followed by DATA frames
 * holding exactly that many bytes, for each part; then the MANIFEST (JSON, split over as many
 * frames as it needs) listing every part with its size and SHA-256 plus the layer's own `meta`;
 * then, reserved for packages, one SIGNATURE frame. The manifest comes last because the hashes
 * are known only once the parts have streamed through.
 */
export const CONTAINER_MAGIC = Buffer.from('XCTR', 'latin1');
/**
 * What the first four bytes say until the container is complete: a writer killed at any point
 * leaves a file that is refused as unfinished, under the temp name or (killed between the
 * rename and the final mark) under the real one. The header digest covers the final magic.
 */
const PENDING_MAGIC = Buffer.from('XCT_', 'latin1');
const FORMAT_VERSION = 1;
const PREAMBLE_BYTES = 4 + 1 + 4;
const DIGEST_BYTES = 32;
const LENGTH_BYTES = 4;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 1024 * 1024;
export const DEFAULT_CONTAINER_CHUNK_BYTES = 1024 * 1024;
/** The largest frame a reader accepts: a chunk of data, or a piece of the manifest. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

export const FRAME = { part: 1, data: 2, manifest: 3, signature: 4 } as const;
type FrameType = (typeof FRAME)[keyof typeof FRAME];

const headerSchema = z.object({
  format: z.literal('xuncha-container'),
  version: z.literal(FORMAT_VERSION),
  /** What the container holds, e.g. 'xuncha-backup'; the layer above checks it. */
  kind: z.string().min(1).max(64),
  id: z.string().uuid(),
  createdAt: z.string(),
  chunkBytes: z.number().int().min(1024).max(MAX_FRAME_BYTES - 1),
  noncePrefix: z.string().regex(/^[A-Za-z0-9+/]{11}=$/),
  /** How the content key is sealed: the layer above's own shape. */
  key: z.unknown(),
  /** Reserved for packages: who signs the SIGNATURE frame (null for backups). */
  signer: z.unknown().nullable(),
});
export type ContainerHeader = z.infer<typeof headerSchema>;

export interface PartEntry {
  name: string;
  size: number;
  sha256: string;
}

const partEntrySchema = z.object({
  name: z.string().min(1).max(512),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const manifestSchema = z.object({ parts: z.array(partEntrySchema), meta: z.unknown() });

/** Why a container was refused; the layer above words it for its users. */
export class ContainerFault extends Error {
  constructor(
    readonly kind: 'malformed' | 'tampered' | 'truncated',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'ContainerFault';
  }
}

export type ContainerHeaderFields = Pick<ContainerHeader, 'kind' | 'key' | 'signer'> & { id?: string; createdAt: string };

/**
 * Writes a container to a temp name beside `target`; only finish() (after fsync) renames it
 * into place, so an interrupted write never leaves a file under the real name, and what is left
 * under the temp name has no last frame and is refused as truncated.
 */
export class ContainerWriter {
  private index = 0;
  private bytes = 0;
  private closed = false;
  private readonly parts: PartEntry[] = [];

  private constructor(
    private readonly fd: number,
    readonly tempPath: string,
    readonly target: string,
    readonly header: ContainerHeader,
    private readonly headerDigest: Buffer,
    private readonly contentKey: Buffer,
  ) {}

  /** The header fields of a new container: a fresh id and nonce prefix unless given. */
  static newHeader(fields: ContainerHeaderFields, chunkBytes = DEFAULT_CONTAINER_CHUNK_BYTES): ContainerHeader {
    return {
      format: 'xuncha-container',
      version: FORMAT_VERSION,
      kind: fields.kind,
      id: fields.id ?? randomUUID(),
      createdAt: fields.createdAt,
      chunkBytes,
      noncePrefix: randomBytes(8).toString('base64'),
      key: fields.key,
      signer: fields.signer,
    };
  }

  static open(target: string, header: ContainerHeader, contentKey: Buffer): ContainerWriter {
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    if (headerBytes.length > MAX_HEADER_BYTES) throw new Error('container header too large');
    const preamble = Buffer.alloc(PREAMBLE_BYTES);
    CONTAINER_MAGIC.copy(preamble, 0);
    preamble[4] = FORMAT_VERSION;
    preamble.writeUInt32BE(headerBytes.length, 5);
    const digest = createHash('sha256').update(preamble).update(headerBytes).digest();
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const fd = openSync(temp, 'wx', 0o600);
    const onDisk = Buffer.from(preamble);
    PENDING_MAGIC.copy(onDisk, 0);
    // Its own copy of the key, wiped when the container is finished or abandoned.
    const writer = new ContainerWriter(fd, temp, target, header, digest, Buffer.from(contentKey));
    try {
      writer.write([onDisk, headerBytes, digest]);
    } catch (error) {
      writer.abort();
      throw error;
    }
    return writer;
  }

  /** Bytes written to the file so far. */
  get size(): number {
    return this.bytes;
  }

  /**
   * Streams one part in. `size` is declared before the data (the reader needs no lookahead);
   * a source that yields more or fewer bytes is an error, and the container is unusable.
   * `onBytes` sees the count of each piece as it is written, for progress.
   */
  async addPart(name: string, size: number, source: AsyncIterable<Uint8Array> | Uint8Array, onBytes?: (count: number) => void): Promise<PartEntry> {
    this.frame(FRAME.part, Buffer.from(JSON.stringify({ name, size }), 'utf8'), false);
    const hash = createHash('sha256');
    let seen = 0;
    const take = (piece: Buffer) => {
      seen += piece.length;
      if (seen > size) throw new Error(`part ${name} grew while it was copied`);
      hash.update(piece);
      this.frame(FRAME.data, piece, false);
      onBytes?.(piece.length);
    };
    const chunk = this.header.chunkBytes;
    if (source instanceof Uint8Array) {
      const all = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
      for (let at = 0; at < all.length; at += chunk) take(all.subarray(at, at + chunk));
    } else {
      for await (const piece of source) {
        const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        for (let at = 0; at < bytes.length; at += chunk) take(bytes.subarray(at, at + chunk));
      }
    }
    if (seen !== size) throw new Error(`part ${name} has ${seen} bytes, ${size} were declared`);
    const entry = { name, size, sha256: hash.digest('hex') };
    this.parts.push(entry);
    return entry;
  }

  /**
   * Writes the manifest (the last frame carries the last flag), fsyncs, renames the temp file
   * to the target, and only then writes the final magic (fsynced, with the folder). Returns the
   * parts as listed in the manifest.
   */
  finish(meta: unknown): { path: string; bytes: number; parts: PartEntry[] } {
    const manifest = Buffer.from(JSON.stringify({ parts: this.parts, meta }), 'utf8');
    const chunk = this.header.chunkBytes;
    for (let at = 0; at === 0 || at < manifest.length; at += chunk) {
      this.frame(FRAME.manifest, manifest.subarray(at, at + chunk), at + chunk >= manifest.length);
    }
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.closed = true;
    this.contentKey.fill(0);
    renameSync(this.tempPath, this.target);
    // Reopened rather than kept open: Windows does not rename a file that is open.
    const fd = openSync(this.target, 'r+');
    try {
      writeSync(fd, CONTAINER_MAGIC, 0, CONTAINER_MAGIC.length, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncDirectory(dirname(this.target));
    return { path: this.target, bytes: this.bytes, parts: [...this.parts] };
  }

  /** Closes and removes the temp file (after an error or a cancel). */
  abort(): void {
    this.contentKey.fill(0);
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    rmSync(this.tempPath, { force: true });
  }

  private frame(type: FrameType, payload: Buffer, last: boolean): void {
    if (this.index > 0xffffffff) throw new Error('container too large');
    const cipher = createCipheriv('aes-256-gcm', this.contentKey, chunkNonce(Buffer.from(this.header.noncePrefix, 'base64'), this.index));
    cipher.setAAD(chunkAad(this.headerDigest, this.index, last));
    const typeByte = cipher.update(Buffer.of(type));
    // The payload is encrypted from the buffer it came in: no copy of a 1 MiB chunk is made.
    const body = cipher.update(payload);
    cipher.final();
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32BE(1 + payload.length, 0);
    this.write([length, typeByte, body, cipher.getAuthTag()]);
    this.index += 1;
  }

  private write(parts: Buffer[]): void {
    writeAll(this.fd, parts);
    for (const part of parts) this.bytes += part.length;
  }
}

/** A container whose clear header has been read and checked (nothing decrypted yet). */
export interface OpenedContainer {
  path: string;
  header: ContainerHeader;
  headerDigest: Buffer;
  /** Where the first frame starts. */
  bodyStart: number;
  fileBytes: number;
}

/**
 * Reads and checks the clear header: the magic, the version, the header's own SHA-256 (an
 * accidental change shows here; a deliberate one fails every frame's tag) and its fields.
 */
export function openContainer(path: string): OpenedContainer {
  const fd = openSync(path, 'r');
  try {
    const fileBytes = fstatSync(fd).size;
    const preamble = Buffer.alloc(PREAMBLE_BYTES);
    const read = readSync(fd, preamble, 0, PREAMBLE_BYTES, 0);
    if (read >= 4 && preamble.subarray(0, 4).equals(PENDING_MAGIC)) throw new ContainerFault('truncated', '文件没有写完：写入过程中被中断');
    if (read !== PREAMBLE_BYTES || !preamble.subarray(0, 4).equals(CONTAINER_MAGIC)) {
      throw new ContainerFault('malformed', '文件开头不是巡察工作台容器的标记');
    }
    if (preamble[4] !== FORMAT_VERSION) throw new ContainerFault('malformed', `格式版本 ${preamble[4]} 不受支持`);
    const headerLength = preamble.readUInt32BE(5);
    if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw new ContainerFault('tampered', '文件头长度无效');
    if (PREAMBLE_BYTES + headerLength + DIGEST_BYTES > fileBytes) throw new ContainerFault('truncated', '文件头不完整');
    const headerBytes = Buffer.alloc(headerLength);
    const digest = Buffer.alloc(DIGEST_BYTES);
    readSync(fd, headerBytes, 0, headerLength, PREAMBLE_BYTES);
    readSync(fd, digest, 0, DIGEST_BYTES, PREAMBLE_BYTES + headerLength);
    const expected = createHash('sha256').update(preamble).update(headerBytes).digest();
    if (!expected.equals(digest)) throw new ContainerFault('tampered', '文件头校验值不符');
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw new ContainerFault('malformed', '文件头不是有效的 JSON');
    }
    const header = headerSchema.safeParse(parsed);
    if (!header.success) throw new ContainerFault('malformed', '文件头字段无效');
    return { path, header: header.data, headerDigest: digest, bodyStart: PREAMBLE_BYTES + headerLength + DIGEST_BYTES, fileBytes };
  } finally {
    closeSync(fd);
  }
}

interface Frame {
  type: number;
  payload: Buffer;
  index: number;
  last: boolean;
  /** The file position after this frame, for progress. */
  end: number;
}

/**
 * Decrypts frame by frame, checking each tag before its payload is handed out. The file's size,
 * taken at open, tells which frame is the last. A frame that fails as the last but passes as a
 * middle frame means the file was cut at a frame boundary (truncated); one that fails as a
 * middle frame but passes as the last means bytes were added after the end (tampered).
 *
 * Payload buffers are reused: a consumer that keeps one must copy it.
 */
async function* readFrames(container: OpenedContainer, contentKey: Buffer): AsyncGenerator<Frame> {
  const { header, headerDigest, fileBytes } = container;
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const handle: FileHandle = await openFile(container.path, 'r');
  // Two buffers in turn, so the next frame can be read while the caller uses the last one.
  const buffers = [Buffer.alloc(Math.min(MAX_FRAME_BYTES, header.chunkBytes + 1) + TAG_BYTES + LENGTH_BYTES)];
  let turn = 0;
  try {
    let position = container.bodyStart;
    let index = 0;
    if (position >= fileBytes) throw new ContainerFault('truncated', '文件在第一块之前结束');
    for (;;) {
      if (position + LENGTH_BYTES > fileBytes) throw new ContainerFault('truncated', `第 ${index + 1} 块不完整`);
      const lengthBytes = Buffer.alloc(LENGTH_BYTES);
      await readExactly(handle, lengthBytes, LENGTH_BYTES, position);
      const length = lengthBytes.readUInt32BE(0);
      if (length === 0 || length > MAX_FRAME_BYTES) throw new ContainerFault('tampered', `第 ${index + 1} 块的长度无效`);
      const frameBytes = length + TAG_BYTES;
      const end = position + LENGTH_BYTES + frameBytes;
      if (end > fileBytes) throw new ContainerFault('truncated', `第 ${index + 1} 块不完整`);
      let buffer = buffers[turn] ?? (buffers[turn] = Buffer.alloc(buffers[0]!.length));
      if (buffer.length < frameBytes) buffer = buffers[turn] = Buffer.alloc(frameBytes);
      turn = 1 - turn;
      await readExactly(handle, buffer, frameBytes, position + LENGTH_BYTES);
      const last = end === fileBytes;
      const ciphertext = buffer.subarray(0, length);
      const tag = buffer.subarray(length, frameBytes);
      const nonce = chunkNonce(prefix, index);
      const plain = decryptFrame(contentKey, nonce, chunkAad(headerDigest, index, last), ciphertext, tag);
      if (!plain) {
        const otherwise = decryptFrame(contentKey, nonce, chunkAad(headerDigest, index, !last), ciphertext, tag);
        if (otherwise && last) throw new ContainerFault('truncated', `文件在第 ${index + 1} 块之后被截断`);
        if (otherwise) throw new ContainerFault('tampered', '文件末尾之后有多余的数据');
        throw new ContainerFault('tampered', `第 ${index + 1} 块校验失败`);
      }
      yield { type: plain[0]!, payload: plain.subarray(1), index, last, end };
      if (last) return;
      position = end;
      index += 1;
    }
  } finally {
    await handle.close();
  }
}

async function readExactly(handle: FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ContainerFault('truncated', '文件提前结束');
    done += bytesRead;
  }
}

function decryptFrame(key: Buffer, nonce: Buffer, aad: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plain = decipher.update(ciphertext);
    decipher.final();
    return plain;
  } catch {
    return null;
  }
}

/** Where a part's bytes go while a container is read; null from `onPart` skips the part. */
export interface PartSink {
  write(bytes: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

export interface ReadResult {
  parts: PartEntry[];
  meta: unknown;
  /** The SIGNATURE frame's payload (packages); null when there is none. */
  signature: Buffer | null;
}

/**
 * Reads a whole container: every frame's tag, the order of the frames, each part's size and
 * SHA-256 against the manifest, and the count of parts. `onPart` may hand back a sink for a
 * part's bytes (restore writes them to disk; verify passes null). `onProgress` gets the file
 * position after each frame. Anything wrong raises a ContainerFault; a sink has then received
 * bytes that must be thrown away.
 */
export async function readContainer(
  container: OpenedContainer,
  contentKey: Buffer,
  options: { onPart?: (name: string, size: number) => PartSink | null | Promise<PartSink | null>; onProgress?: (position: number) => void } = {},
): Promise<ReadResult> {
  const seen: PartEntry[] = [];
  const names = new Set<string>();
  const manifestPieces: Buffer[] = [];
  let signature: Buffer | null = null;
  let current: { name: string; size: number; got: number; hash: ReturnType<typeof createHash>; sink: PartSink | null } | null = null;

  const closePart = async () => {
    if (!current) return;
    if (current.got !== current.size) throw new ContainerFault('tampered', `部分“${current.name}”的长度与声明不符`);
    await current.sink?.end();
    seen.push({ name: current.name, size: current.size, sha256: current.hash.digest('hex') });
    current = null;
  };

  for await (const frame of readFrames(container, contentKey)) {
    if (signature) throw new ContainerFault('tampered', '签名之后还有数据');
    switch (frame.type) {
      case FRAME.part: {
        if (manifestPieces.length > 0) throw new ContainerFault('tampered', '清单之后还有数据');
        await closePart();
        const declared = parsePartDeclaration(frame.payload);
        if (names.has(declared.name)) throw new ContainerFault('tampered', `部分“${declared.name}”重复出现`);
        names.add(declared.name);
        current = { ...declared, got: 0, hash: createHash('sha256'), sink: (await options.onPart?.(declared.name, declared.size)) ?? null };
        break;
      }
      case FRAME.data: {
        if (!current) throw new ContainerFault('tampered', '数据块不属于任何部分');
        current.got += frame.payload.length;
        if (current.got > current.size) throw new ContainerFault('tampered', `部分“${current.name}”超出声明的长度`);
        current.hash.update(frame.payload);
        await current.sink?.write(frame.payload);
        break;
      }
      case FRAME.manifest:
        await closePart();
        manifestPieces.push(Buffer.from(frame.payload));
        break;
      case FRAME.signature:
        if (manifestPieces.length === 0) throw new ContainerFault('tampered', '签名出现在清单之前');
        signature = Buffer.from(frame.payload);
        break;
      default:
        throw new ContainerFault('malformed', `未知的块类型 ${frame.type}`);
    }
    options.onProgress?.(frame.end);
    if (frame.last && frame.type !== FRAME.manifest && frame.type !== FRAME.signature) {
      throw new ContainerFault('truncated', '文件末尾没有清单');
    }
  }

  let manifest: z.infer<typeof manifestSchema>;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(Buffer.concat(manifestPieces).toString('utf8')));
    if (!parsed.success) throw new Error('fields');
    manifest = parsed.data;
  } catch {
    throw new ContainerFault('malformed', '清单无法读取');
  }
  if (manifest.parts.length !== seen.length) {
    throw new ContainerFault('tampered', `清单列出 ${manifest.parts.length} 个部分，文件中有 ${seen.length} 个`);
  }
  manifest.parts.forEach((listed, i) => {
    const got = seen[i]!;
    if (listed.name !== got.name || listed.size !== got.size || listed.sha256 !== got.sha256) {
      throw new ContainerFault('tampered', `部分“${got.name}”与清单中的 SHA-256 或长度不符`);
    }
  });
  return { parts: seen, meta: manifest.meta, signature };
}

function parsePartDeclaration(payload: Buffer): { name: string; size: number } {
  try {
    const parsed = z.object({ name: z.string().min(1).max(512), size: z.number().int().min(0) }).safeParse(JSON.parse(payload.toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new ContainerFault('malformed', '部分的声明无法读取');
}
