import { createHash, randomBytes } from 'node:crypto';
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
    writeFileSync(path, original);
    await expectTampered(path, randomBytes(32));
    expect((await readAll(path)).equals(data)).toBe(true);
  });
});
