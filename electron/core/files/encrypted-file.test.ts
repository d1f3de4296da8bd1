import { createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { readEncryptedFile, writeEncryptedFile } from './encrypted-file';

const CHUNK = 1024;
const key = randomBytes(32);

async function* pieces(data: Buffer, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(path: string, fileKey = key): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readEncryptedFile(path, fileKey)) parts.push(part);
  return Buffer.concat(parts);
}

async function expectTampered(path: string, fileKey = key) {
  await expect(readAll(path, fileKey)).rejects.toMatchObject({ code: 'FILE_TAMPERED' });
}

describe('encrypted file format', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 512, 4 * CHUNK])('round-trips %i bytes with their SHA-256', async (length) => {
    const dir = tempDir();
    const data = randomBytes(length);
    const target = join(dir, 'f.xcf');
    const written = await writeEncryptedFile(pieces(data, 700), target, key, CHUNK);
    expect(written.size).toBe(length);
    expect(written.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect((await readAll(target)).equals(data)).toBe(true);
    expect(readdirSync(dir)).toEqual(['f.xcf']);
  });

  // Pieces the size of a chunk (a 1 MiB read stream) or larger are encrypted in place; smaller
  // or misaligned ones are gathered. Every way of cutting the same bytes gives the same file.
  it.each([
    ['exact multiple, one piece per chunk', 4 * CHUNK, [CHUNK]],
    ['exact multiple, pieces of two and a half chunks', 5 * CHUNK, [2.5 * CHUNK]],
    ['exact multiple, one piece holding it all', 3 * CHUNK, [3 * CHUNK]],
    ['misaligned pieces around whole chunks', 6 * CHUNK + 7, [300, 2 * CHUNK, 1, CHUNK + 5]],
    ['empty pieces in between', 2 * CHUNK, [0, CHUNK, 0]],
  ])('round-trips %s', async (_name, length, cuts) => {
    const dir = tempDir();
    const data = randomBytes(length);
    const target = join(dir, 'f.xcf');
    async function* cut() {
      for (let at = 0, k = 0; at < data.length; k += 1) {
        const size = cuts[k % cuts.length]!;
        yield data.subarray(at, at + size);
        at += size;
      }
    }
    const written = await writeEncryptedFile(cut(), target, key, CHUNK);
    expect(written).toMatchObject({ size: length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(readFileSync(target).length).toBe(33 + Math.ceil(length / CHUNK) * 16 + length);
    expect((await readAll(target)).equals(data)).toBe(true);
  });

  it('stores an empty file as one sealed empty chunk, from no pieces or from empty ones', async () => {
    const dir = tempDir();
    async function* nothing() {}
    async function* empties() {
      yield Buffer.alloc(0);
      yield new Uint8Array(0);
    }
    for (const [name, source] of [['a.xcf', nothing()], ['b.xcf', empties()]] as const) {
      const written = await writeEncryptedFile(source, join(dir, name), key, CHUNK);
      expect(written).toMatchObject({ size: 0, sha256: createHash('sha256').digest('hex') });
      expect(readFileSync(join(dir, name)).length).toBe(33 + 16);
      expect((await readAll(join(dir, name))).length).toBe(0);
    }
    // A header with no chunk after it is not an empty file: the end was cut off.
    writeFileSync(join(dir, 'c.xcf'), readFileSync(join(dir, 'a.xcf')).subarray(0, 33));
    await expectTampered(join(dir, 'c.xcf'));
  });

  it('writes the documented XCF1 layout, readable with node:crypto alone', async () => {
    const dir = tempDir();
    const data = randomBytes(2 * CHUNK + 300);
    await writeEncryptedFile(pieces(data, CHUNK), join(dir, 'f.xcf'), key, CHUNK);
    const stored = readFileSync(join(dir, 'f.xcf'));
    const header = stored.subarray(0, 33);
    expect(header.subarray(0, 4).toString('latin1')).toBe('XCF1');
    expect(header[4]).toBe(1);
    expect(header.readUInt32BE(5)).toBe(CHUNK);
    const frames = [stored.subarray(33, 33 + CHUNK + 16), stored.subarray(33 + CHUNK + 16, 33 + 2 * (CHUNK + 16)), stored.subarray(33 + 2 * (CHUNK + 16))];
    const plain = frames.map((frame, index) => {
      const nonce = Buffer.concat([header.subarray(25, 33), Buffer.from([0, 0, 0, index])]);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(Buffer.concat([header, Buffer.from([0, 0, 0, index, index === frames.length - 1 ? 1 : 0])]));
      decipher.setAuthTag(frame.subarray(frame.length - 16));
      return Buffer.concat([decipher.update(frame.subarray(0, frame.length - 16)), decipher.final()]);
    });
    expect(Buffer.concat(plain).equals(data)).toBe(true);
  });

  it('holds no plaintext', async () => {
    const dir = tempDir();
    const text = Buffer.from('关于某某同志违规收受礼金问题的线索材料。'.repeat(200));
    await writeEncryptedFile(pieces(text, 4096), join(dir, 'f.xcf'), key, CHUNK);
    const stored = readFileSync(join(dir, 'f.xcf'));
    expect(stored.includes(Buffer.from('线索材料'))).toBe(false);
    expect(stored.includes(text.subarray(0, 16))).toBe(false);
  });

  it('refuses a flipped byte anywhere, a cut-off end, swapped chunks and a wrong key', async () => {
    const dir = tempDir();
    const data = randomBytes(3 * CHUNK + 100);
    const path = join(dir, 'f.xcf');
    await writeEncryptedFile(pieces(data, 1000), path, key, CHUNK);
    const original = readFileSync(path);

    for (const offset of [0, 5, 20, 40, 33 + CHUNK + 3, original.length - 1]) {
      const copy = Buffer.from(original);
      copy[offset] = copy[offset]! ^ 0x01;
      writeFileSync(path, copy);
      await expectTampered(path);
    }
    const frame = CHUNK + 16;
    // Cut at a chunk boundary: every remaining chunk is whole, but the new last one was not sealed as last.
    writeFileSync(path, original.subarray(0, 33 + 2 * frame));
    await expectTampered(path);
    const swapped = Buffer.concat([original.subarray(0, 33), original.subarray(33 + frame, 33 + 2 * frame), original.subarray(33, 33 + frame), original.subarray(33 + 2 * frame)]);
    writeFileSync(path, swapped);
    await expectTampered(path);
    // Bytes added after the last chunk: the chunk sealed as last is no longer read as last.
    writeFileSync(path, Buffer.concat([original, randomBytes(16)]));
    await expectTampered(path);
    writeFileSync(path, Buffer.concat([original, original.subarray(33, 33 + frame)]));
    await expectTampered(path);
    writeFileSync(path, original);
    await expectTampered(path, randomBytes(32));
    expect((await readAll(path)).equals(data)).toBe(true);
  });
});
