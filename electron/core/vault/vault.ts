import { hkdfSync } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { AppError } from '../errors';
import { fsyncDirectory, fsyncFile } from '../fs/atomic-write';
import { newDataKey, type ScryptCost } from '../crypto/keys';
import { newRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { openEncryptedDatabase, type Db } from './database';
import { KeyFile } from './keyfile';
import { applyMigrations, openAndMigrate, removeWithSidecars } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { vaultPaths, type VaultPaths } from './paths';

/** `files`: seals each stored file's key; `backup`: seals each backup's content key. */
export type SubkeyPurpose = 'files' | 'backup';

/** HKDF-SHA256 of the data key, salted with the vault id: one key per purpose. */
export function deriveSubkey(dataKey: Buffer, vaultId: string, purpose: SubkeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(vaultId, 'utf8'), `xuncha ${purpose} v1`, 32));
}

export interface VaultOptions {
  /** Schema steps; tests pass a shorter or failing list. */
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface CreateVaultOptions extends VaultOptions {
  username: string;
  password: string;
  scryptCost: ScryptCost;
  /** Fills the new database (office, first account, first audit entries) in one transaction. */
  initialise(db: Db, vaultId: string): void;
}

/**
 * An open vault: the decrypted database and, held only in memory while open, the data key
 * (needed to seal it under a new or changed password). close() wipes the key.
 */
export class Vault {
  private constructor(
    readonly paths: VaultPaths,
    readonly db: Db,
    readonly keyFile: KeyFile,
    private readonly dataKey: Buffer,
    /** Set when this open upgraded the schema: { from, backupFile }. */
    readonly migration: { from: number; backupFile: string } | null,
  ) {}

  static exists(dir: string): boolean {
    return existsSync(vaultPaths(dir).database);
  }

  /**
   * Creates the database under a temp name, writes keys.json, then renames the database into
   * place: the rename is the moment the vault exists, so an interrupted setup can be redone.
   */
  static async create(dir: string, options: CreateVaultOptions): Promise<{ vault: Vault; recoveryKey: string }> {
    const paths = vaultPaths(dir);
    if (Vault.exists(dir)) throw new AppError('VAULT_EXISTS');
    mkdirSync(dir, { recursive: true, mode: 0o700 });

    const dataKey = newDataKey();
    const recovery = newRecoveryKey();
    const keyFile = KeyFile.create(paths.keyFile);
    await keyFile.sealForPassword(options.username, options.password, dataKey, options.scryptCost);
    await keyFile.sealForRecoveryKey(recovery.bytes, dataKey);
    recovery.bytes.fill(0);

    const work = `${paths.database}.creating`;
    removeWithSidecars(work);
    try {
      const db = openEncryptedDatabase(work, dataKey, { create: true });
      try {
        applyMigrations(db, options.migrations ?? allMigrations);
        db.transaction(() => options.initialise(db, keyFile.vaultId))();
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
      fsyncFile(work);
      keyFile.save();
      renameSync(work, paths.database);
      fsyncDirectory(dir);
    } catch (error) {
      removeWithSidecars(work);
      throw error;
    }
    const db = openEncryptedDatabase(paths.database, dataKey);
    return { vault: new Vault(paths, db, keyFile, dataKey, null), recoveryKey: recovery.text };
  }

  /** Null when the name has no seal or the password does not open it. */
  static async openWithPassword(
    dir: string,
    username: string,
    password: string,
    options: VaultOptions & { keyFile?: KeyFile } = {},
  ) {
    const paths = Vault.requireExisting(dir);
    const keyFile = options.keyFile ?? KeyFile.read(paths.keyFile);
    const dataKey = await keyFile.openWithPassword(username, password);
    return dataKey ? Vault.openDatabase(paths, keyFile, dataKey, options) : null;
  }

  /** Null when the recovery key is malformed or wrong. */
  static async openWithRecoveryKey(dir: string, recoveryText: string, options: VaultOptions = {}) {
    const paths = Vault.requireExisting(dir);
    const keyFile = KeyFile.read(paths.keyFile);
    const bytes = parseRecoveryKey(recoveryText);
    if (!bytes) return null;
    const dataKey = await keyFile.openWithRecoveryKey(bytes);
    bytes.fill(0);
    return dataKey ? Vault.openDatabase(paths, keyFile, dataKey, options) : null;
  }

  get vaultId(): string {
    return this.keyFile.vaultId;
  }

  /**
   * A key for one purpose, derived from the data key (HKDF-SHA256): the file store seals each
   * file's own key under `subkey('files')`, so file keys never sit unsealed in the database.
   */
  subkey(purpose: SubkeyPurpose): Buffer {
    return deriveSubkey(this.dataKey, this.vaultId, purpose);
  }

  /** Seals the data key under an account's (new) password and saves keys.json. */
  async sealPassword(username: string, password: string, cost: ScryptCost): Promise<void> {
    await this.keyFile.sealForPassword(username, password, this.dataKey, cost);
    this.keyFile.save();
  }

  /** Destroys an account's seal: a disabled account's old password no longer opens the vault. */
  removePasswordSeal(username: string): void {
    this.keyFile.removePasswordSeal(username);
    this.keyFile.save();
  }

  close(): void {
    if (this.db.open) {
      // Keeps the planner's statistics current (cheap: it analyses only what changed a lot).
      this.db.pragma('optimize');
      this.db.close();
    }
    this.dataKey.fill(0);
  }

  private static requireExisting(dir: string): VaultPaths {
    if (!Vault.exists(dir)) throw new AppError('VAULT_MISSING');
    return vaultPaths(dir);
  }

  private static openDatabase(paths: VaultPaths, keyFile: KeyFile, dataKey: Buffer, options: VaultOptions): Vault {
    try {
      const opened = openAndMigrate(paths, dataKey, options.migrations ?? allMigrations, (options.now ?? (() => new Date()))());
      const migration =
        opened.migratedFrom !== null && opened.backupFile ? { from: opened.migratedFrom, backupFile: opened.backupFile } : null;
      return new Vault(paths, opened.db, keyFile, dataKey, migration);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
  }
}
