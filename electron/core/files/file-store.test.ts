import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, TestApp, tempDir } from '../testing/harness';
import { Vault } from '../vault/vault';
import { FileStore } from './file-store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function openStore() {
  const dir = tempDir();
  const app = new TestApp(dir);
  await app.setUp();
  app.close();
  const vault = (await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password))!;
  cleanups.push(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, vault, store: new FileStore(vault) };
}

async function* once(data: Buffer) {
  yield data;
}

const meta = { fileName: '线索材料.pdf', mime: 'application/pdf', ownerType: 'clue', ownerId: 1, createdBy: 1, at: '2026-11-26T10:00:00Z' };

function storedFiles(dir: string): string[] {
  const root = join(dir, 'files');
  return readdirSync(root).flatMap((sub) => readdirSync(join(root, sub)).map((name) => join(root, sub, name)));
}

describe('file store', () => {
  it('stores a file encrypted, with its SHA-256, and gives it back verified', async () => {
    const { dir, store } = await openStore();
    const data = Buffer.concat([Buffer.from('%PDF-1.7 关于张某某违规问题的反映'), randomBytes(3 * 1024 * 1024)]);
    const record = await store.put(once(data), meta);
    expect(record).toMatchObject({ size: data.length, sha256: createHash('sha256').update(data).digest('hex'), fileName: '线索材料.pdf' });
    const [path] = storedFiles(dir);
    expect(readFileSync(path!).includes(Buffer.from('张某某'))).toBe(false);
    expect((await store.readVerified(record.id)).bytes.equals(data)).toBe(true);
    expect(store.ofOwner('clue', 1).map((r) => r.id)).toEqual([record.id]);
    expect(await store.checkFixity(record.id)).toBe('ok');

    const out = join(tempDir(), 'copy.pdf');
    await store.exportTo(record.id, out);
    expect(readFileSync(out).equals(data)).toBe(true);
  });

  it('streams files from disk whose size is a whole number of chunks, and an empty one', async () => {
    const { store } = await openStore();
    const dir = tempDir();
    for (const [name, data] of [
      ['two-chunks.pdf', randomBytes(2 * 1024 * 1024)],
      ['empty.pdf', Buffer.alloc(0)],
    ] as const) {
      writeFileSync(join(dir, name), data);
      // What clues.attachFromDisk hands the store: 1 MiB reads, one chunk each.
      const record = await store.put(createReadStream(join(dir, name), { highWaterMark: 1024 * 1024 }), { ...meta, fileName: name });
      expect(record).toMatchObject({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      expect((await store.readVerified(record.id)).bytes.equals(data)).toBe(true);
      expect(await store.checkFixity(record.id)).toBe('ok');
      await store.exportTo(record.id, join(dir, `copy-${name}`));
      expect(readFileSync(join(dir, `copy-${name}`)).equals(data)).toBe(true);
    }
  });

  it('reports a flipped byte as tampered and never hands the content out', async () => {
    const { dir, store } = await openStore();
    const record = await store.put(once(randomBytes(2 * 1024 * 1024 + 17)), meta);
    const [path] = storedFiles(dir);
    const bytes = readFileSync(path!);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x80;
    writeFileSync(path!, bytes);
    expect(await store.checkFixity(record.id)).toBe('tampered');
    await expect(store.readVerified(record.id)).rejects.toMatchObject({ code: 'FILE_TAMPERED' });
    const outDir = tempDir();
    await expect(store.exportTo(record.id, join(outDir, 'copy.pdf'))).rejects.toMatchObject({ code: 'FILE_TAMPERED' });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('notices a missing file and a file key that does not belong to the file', async () => {
    const { dir, vault, store } = await openStore();
    const a = await store.put(once(Buffer.from('甲文件')), meta);
    const b = await store.put(once(Buffer.from('乙文件')), meta);
    // Swap the sealed keys of two rows: each key is bound to its own storage name.
    const rows = vault.db.prepare('SELECT id, key_iv, key_tag, key_data FROM attachments ORDER BY id').all() as { id: number; key_iv: string; key_tag: string; key_data: string }[];
    const update = vault.db.prepare('UPDATE attachments SET key_iv = ?, key_tag = ?, key_data = ? WHERE id = ?');
    update.run(rows[1]!.key_iv, rows[1]!.key_tag, rows[1]!.key_data, a.id);
    await expect(store.readVerified(a.id)).rejects.toMatchObject({ code: 'FILE_TAMPERED' });
    for (const path of storedFiles(dir)) if (statSync(path).isFile()) rmSync(path);
    expect(await store.checkFixity(b.id)).toBe('missing');
    await expect(store.readVerified(b.id)).rejects.toMatchObject({ code: 'FILE_MISSING' });
  });
});
