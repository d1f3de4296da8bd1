/**
 * The database snapshot: a copy of the encrypted file when the WAL folds in, VACUUM INTO when
 * another connection keeps it from folding or holds the write lock; either way the snapshot
 * opens with the vault's own key, stays encrypted, and holds exactly the committed rows.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { TEST_SCRYPT_COST } from '../index';
import { tempDir } from '../testing/harness';
import { KeyFile } from '../vault/keyfile';
import { Vault } from '../vault/vault';
import { snapshotDatabase } from './snapshot';

const PASSWORD = 'Snapshot2020';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function vaultWithRows() {
  const dir = tempDir('xuncha-snapshot-');
  const { vault } = await Vault.create(join(dir, 'vault'), { username: 'admin', password: PASSWORD, scryptCost: TEST_SCRYPT_COST, initialise: () => undefined });
  cleanups.push(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const audit = new AuditLog(vault.db, () => new Date());
  for (let i = 0; i < 200; i += 1) audit.append({ action: 'settings.update', actor: { id: null, name: '快照测试' }, detail: { i } });
  return { dir, vault, audit };
}

/** The snapshot opened as a vault of its own (keys.json beside it), its audit rows counted. */
async function rowsIn(dir: string, snapshot: string, vault: Vault): Promise<number> {
  const copy = join(dir, 'opened');
  mkdirSync(copy);
  copyFileSync(snapshot, join(copy, 'vault.db'));
  KeyFile.parse(readFileSync(vault.paths.keyFile, 'utf8'), join(copy, 'keys.json')).save();
  const opened = (await Vault.openWithPassword(copy, 'admin', PASSWORD))!;
  try {
    return (opened.db.prepare('SELECT count(*) AS n FROM audit_entries').get() as { n: number }).n;
  } finally {
    opened.close();
  }
}

describe('database snapshot', () => {
  it('copies the encrypted file when the WAL folds in', async () => {
    const { dir, vault } = await vaultWithRows();
    const target = join(dir, 'snap.db');
    expect(snapshotDatabase(vault, target)).toBe('copy');
    expect(readFileSync(target).includes(Buffer.from('快照测试'))).toBe(false);
    expect(await rowsIn(dir, target, vault)).toBe(200);
  });

  it('falls back to VACUUM INTO while another connection keeps the WAL from folding, and sees every committed row', async () => {
    const { dir, vault, audit } = await vaultWithRows();
    const reader = (await Vault.openWithPassword(vault.paths.dir, 'admin', PASSWORD))!;
    cleanups.unshift(() => reader.close());
    reader.db.exec('BEGIN');
    expect((reader.db.prepare('SELECT count(*) AS n FROM audit_entries').get() as { n: number }).n).toBe(200);
    for (let i = 0; i < 50; i += 1) audit.append({ action: 'settings.update', actor: { id: null, name: '快照测试' }, detail: { after: i } });
    const target = join(dir, 'snap.db');
    expect(snapshotDatabase(vault, target)).toBe('vacuum');
    reader.db.exec('COMMIT');
    expect(readFileSync(target).includes(Buffer.from('快照测试'))).toBe(false);
    expect(await rowsIn(dir, target, vault)).toBe(250);
  });

  it('falls back to VACUUM INTO when another connection holds the write lock', async () => {
    const { dir, vault } = await vaultWithRows();
    const writer = (await Vault.openWithPassword(vault.paths.dir, 'admin', PASSWORD))!;
    cleanups.unshift(() => writer.close());
    writer.db.pragma('busy_timeout = 0');
    vault.db.pragma('busy_timeout = 100');
    writer.db.exec('BEGIN IMMEDIATE');
    try {
      const target = join(dir, 'snap.db');
      expect(snapshotDatabase(vault, target)).toBe('vacuum');
      expect(await rowsIn(dir, target, vault)).toBe(200);
    } finally {
      writer.db.exec('ROLLBACK');
    }
  });
});
