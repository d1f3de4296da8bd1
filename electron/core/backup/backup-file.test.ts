/**
 * The backup file itself: a flipped byte anywhere (the clear header, a frame's length, type,
 * data or tag, the manifest, the last byte) is refused; so is a file cut short anywhere or
 * extended; wrong credentials and other accounts' passwords do not open it. Real vault, real
 * stored files (one several chunks long), real container on disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import { AccountsStore } from '../accounts/accounts-store';
import { TEST_SCRYPT_COST } from '../index';
import { AppError } from '../errors';
import { FileStore } from '../files/file-store';
import { tempDir } from '../testing/harness';
import { Vault } from '../vault/vault';
import { openBackup, unlockBackup, type BackupUnlock } from './backup-format';
import { createBackup } from './create-backup';
import { readBackup } from './read-backup';
import { restoreBackup } from './restore';

const ADMIN = { username: 'admin', password: 'Backup2020ok' };
let work: string;
let vault: Vault;
let recoveryKey: string;
let backupPath: string;
let original: Buffer;

async function verifyFile(path: string, unlock: BackupUnlock = { kind: 'vault', vault }) {
  const backup = openBackup(path);
  const { contentKey } = await unlockBackup(backup, unlock);
  return readBackup(backup, contentKey, { currentVaultId: vault.vaultId });
}

/** The error code a check of `bytes` ends with (null: it passed). */
async function refusal(bytes: Buffer, unlock?: BackupUnlock): Promise<{ code: ErrorCode; message: string } | null> {
  const path = join(work, `probe-${randomBytes(4).toString('hex')}.xbak`);
  writeFileSync(path, bytes);
  try {
    await verifyFile(path, unlock);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message };
  } finally {
    rmSync(path, { force: true });
  }
}

/** Offsets of the frames: [start, end) of each, found by walking the length prefixes. */
function frameBounds(bytes: Buffer): { start: number; end: number }[] {
  let position = 4 + 1 + 4 + bytes.readUInt32BE(5) + 32;
  const frames: { start: number; end: number }[] = [];
  while (position < bytes.length) {
    const end = position + 4 + bytes.readUInt32BE(position) + 16;
    frames.push({ start: position, end });
    position = end;
  }
  return frames;
}

beforeAll(async () => {
  work = tempDir('xuncha-backup-file-');
  const created = await Vault.create(join(work, 'vault'), {
    username: ADMIN.username,
    password: ADMIN.password,
    scryptCost: TEST_SCRYPT_COST,
    initialise: (db) => {
      const at = new Date().toISOString();
      const accounts = new AccountsStore(db);
      accounts.insert({ username: ADMIN.username, displayName: '王建国', role: 'admin', mustChangePassword: false }, at);
      accounts.insert({ username: 'staff', displayName: '张辉', role: 'staff', mustChangePassword: false }, at);
    },
  });
  vault = created.vault;
  recoveryKey = created.recoveryKey;
  await vault.sealPassword('staff', 'Staff2020ok', TEST_SCRYPT_COST);
  const store = new FileStore(vault);
  const meta = { mime: 'application/pdf', ownerType: 'clue', ownerId: 1, createdBy: null, at: new Date().toISOString() };
  const pieces = async function* (...parts: Buffer[]) {
    yield* parts;
  };
  await store.put(pieces(randomBytes(2 * 1024 * 1024 + 77)), { ...meta, fileName: '扫描件.pdf' });
  await store.put(pieces(Buffer.from('谈话记录')), { ...meta, fileName: '记录.txt' });
  backupPath = join(work, 'backup.xbak');
  await createBackup(vault, backupPath, { now: new Date(), createdBy: '王建国（admin）' });
  original = readFileSync(backupPath);
});

afterAll(() => {
  vault.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a backup file', () => {
  it('verifies whole: parts, sizes and counts from its authenticated manifest', async () => {
    const { summary } = await verifyFile(backupPath);
    expect(summary).toMatchObject({ sameVault: true, files: 2, parts: 4, missingFiles: 0, bytes: original.length, createdBy: '王建国（admin）' });
    expect(frameBounds(original).length).toBeGreaterThan(6);
    // Nothing in clear: neither the stored file names nor any text of the database.
    expect(original.includes(Buffer.from('扫描件'))).toBe(false);
    expect(original.includes(Buffer.from('王建国'))).toBe(false);
  });

  it('refuses a flipped byte in the header, every part of a frame, the manifest and the last byte', async () => {
    const frames = frameBounds(original);
    const headerEnd = frames[0]!.start;
    const dataFrame = frames[3]!;
    const last = frames.at(-1)!;
    const places: [string, number, ErrorCode[]][] = [
      ['magic', 0, ['BACKUP_MALFORMED']],
      ['format version', 4, ['BACKUP_MALFORMED']],
      ['header length', 6, ['BACKUP_TAMPERED', 'BACKUP_TRUNCATED']],
      ['header text', 40, ['BACKUP_TAMPERED']],
      ['header digest', headerEnd - 5, ['BACKUP_TAMPERED']],
      ['first frame length', headerEnd + 2, ['BACKUP_TAMPERED', 'BACKUP_TRUNCATED']],
      ['first frame type', headerEnd + 4, ['BACKUP_TAMPERED']],
      ['data in the middle', Math.floor((dataFrame.start + dataFrame.end) / 2), ['BACKUP_TAMPERED']],
      ['a tag', dataFrame.end - 3, ['BACKUP_TAMPERED']],
      ['the manifest', last.start + 20, ['BACKUP_TAMPERED']],
      ['the last byte', original.length - 1, ['BACKUP_TAMPERED']],
    ];
    for (const [what, offset, codes] of places) {
      const bytes = Buffer.from(original);
      bytes[offset]! ^= 0x10;
      const refused = await refusal(bytes);
      expect(refused, what).not.toBeNull();
      expect(codes, `${what}: ${refused!.code}`).toContain(refused!.code);
      expect(refused!.message, what).toMatch(/备份/);
    }
  });

  it('refuses a flipped byte at 64 random places', async () => {
    for (let i = 0; i < 64; i += 1) {
      const bytes = Buffer.from(original);
      const offset = Math.floor(Math.random() * bytes.length);
      bytes[offset]! ^= 1 << Math.floor(Math.random() * 8);
      const refused = await refusal(bytes);
      expect(refused, `offset ${offset}`).not.toBeNull();
      expect(['BACKUP_MALFORMED', 'BACKUP_TAMPERED', 'BACKUP_TRUNCATED'], `offset ${offset}`).toContain(refused!.code);
    }
  });

  it('refuses a file cut short anywhere, even exactly between two frames, and one with bytes added', async () => {
    const frames = frameBounds(original);
    const cuts = [3, 100, frames[0]!.start, frames[0]!.start + 7, frames[2]!.end, frames[4]!.end - 1, frames.at(-2)!.end, original.length - 1];
    for (const cut of cuts) {
      const refused = await refusal(original.subarray(0, cut));
      expect(refused?.code, `cut at ${cut}`).toBe(cut < 9 ? 'BACKUP_MALFORMED' : 'BACKUP_TRUNCATED');
    }
    expect((await refusal(original.subarray(0, frames.at(-2)!.end)))!.message).toContain('不完整');
    expect((await refusal(Buffer.concat([original, Buffer.from([0])])))?.code).toBe('BACKUP_TAMPERED');
    expect((await refusal(Buffer.concat([original, original.subarray(frames[1]!.start, frames[1]!.end)])))?.code).toBe('BACKUP_TAMPERED');
  });

  it('opens with an administrator password of the time or the recovery key, and with nothing else', async () => {
    expect(await refusal(original, { kind: 'password', username: ADMIN.username, password: ADMIN.password })).toBeNull();
    expect(await refusal(original, { kind: 'recoveryKey', recoveryKey: recoveryKey.toLowerCase() })).toBeNull();
    const wrong = await refusal(original, { kind: 'password', username: ADMIN.username, password: 'Wrong2020no' });
    expect(wrong).toMatchObject({ code: 'BACKUP_WRONG_CREDENTIALS', message: expect.stringContaining('密码') });
    // The staff password opens the vault itself, not its backups.
    expect((await refusal(original, { kind: 'password', username: 'staff', password: 'Staff2020ok' }))?.code).toBe('BACKUP_WRONG_CREDENTIALS');
    expect((await refusal(original, { kind: 'password', username: 'nobody', password: ADMIN.password }))?.code).toBe('BACKUP_WRONG_CREDENTIALS');
    const otherKey = recoveryKey.replace(/^./, (c) => (c === '7' ? '8' : '7'));
    expect((await refusal(original, { kind: 'recoveryKey', recoveryKey: otherKey }))?.code).toBe('BACKUP_WRONG_CREDENTIALS');
    expect((await refusal(original, { kind: 'recoveryKey', recoveryKey: '1234' }))?.code).toBe('WRONG_RECOVERY_KEY');
  });

  it('does not open with another vault’s key, and is not a backup when it is some other file', async () => {
    const other = await Vault.create(join(work, 'other'), { username: 'a', password: 'Other2020ok', scryptCost: TEST_SCRYPT_COST, initialise: () => undefined });
    try {
      expect((await refusal(original, { kind: 'vault', vault: other.vault }))?.code).toBe('BACKUP_NEEDS_CREDENTIALS');
    } finally {
      other.vault.close();
    }
    expect((await refusal(Buffer.from('%PDF-1.4 not a backup at all')))?.code).toBe('BACKUP_MALFORMED');
    expect((await refusal(Buffer.alloc(0)))?.code).toBe('BACKUP_MALFORMED');
  });

  it('is restored only if the vault inside passes its checks: a backup of a damaged database leaves the target as it was', async () => {
    const dir = join(work, 'damaged');
    const made = await Vault.create(dir, { username: ADMIN.username, password: ADMIN.password, scryptCost: TEST_SCRYPT_COST, initialise: (db) => new AccountsStore(db).insert({ username: ADMIN.username, displayName: '王建国', role: 'admin', mustChangePassword: false }, new Date().toISOString()) });
    made.vault.db.exec('CREATE TABLE notes (body TEXT)');
    const insert = made.vault.db.prepare('INSERT INTO notes VALUES (?)');
    made.vault.db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`巡察发现的问题 ${i} ${'某'.repeat(200)}`);
    })();
    made.vault.close();
    // A page in the middle goes bad on the disk; the vault still opens (page 1 is fine).
    const file = join(dir, 'vault.db');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    const damaged = (await Vault.openWithPassword(dir, ADMIN.username, ADMIN.password))!;
    const path = join(work, 'damaged.xbak');
    try {
      await createBackup(damaged, path, { now: new Date(), createdBy: '王建国（admin）' });
    } finally {
      damaged.close();
    }
    const credentials = { kind: 'password', username: ADMIN.username, password: ADMIN.password } as const;
    const target = join(work, 'restore-target');
    const before = readFileSync(vault.paths.database);
    // Into a new folder, and over a vault that is in use: both refused before any switch.
    for (const vaultDir of [target, vault.paths.dir]) {
      const refused = (await restoreBackup({ backupPath: path, vaultDir, credentials, now: () => new Date() }).catch((error: unknown) => error)) as AppError;
      expect(refused, vaultDir).toBeInstanceOf(AppError);
      expect(refused.code).toBe('RESTORE_FAILED');
      expect(refused.message).toContain('完整性检查未通过');
    }
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('.restoring-') || name.includes('.before-restore-'))).toEqual([]);
    expect(readFileSync(vault.paths.database).equals(before)).toBe(true);
  });
});
