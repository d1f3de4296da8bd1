import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import {
  deriveKey,
  newHkdfParams,
  newScryptParams,
  openSealedKey,
  sealKey,
  type KdfParams,
  type ScryptCost,
} from '../crypto/keys';

/**
 * keys.json, beside the vault database: the data key sealed once per account password and once
 * under the recovery key. Nothing in it is secret by itself; each seal records its own KDF
 * parameters so the cost can be raised later without breaking older seals. Account names are
 * stored only as a salted hash, so the file does not list who has an account.
 */
const kdfSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string(),
  }),
  z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }),
]);

const sealSchema = z.object({
  kind: z.enum(['password', 'recovery']),
  id: z.string(),
  kdf: kdfSchema,
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
type Seal = z.infer<typeof sealSchema>;

const keyFileSchema = z.object({
  format: z.literal('xuncha-keyfile'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  seals: z.array(sealSchema),
});
type KeyFileData = z.infer<typeof keyFileSchema>;

export const RECOVERY_SEAL_ID = 'recovery';

export class KeyFile {
  private constructor(
    private readonly path: string,
    private data: KeyFileData,
  ) {}

  static create(path: string): KeyFile {
    return new KeyFile(path, { format: 'xuncha-keyfile', version: 1, vaultId: randomUUID(), seals: [] });
  }

  static exists(path: string): boolean {
    return existsSync(path);
  }

  static read(path: string): KeyFile {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('KEYFILE_CORRUPT', '找不到密钥文件 keys.json，无法打开数据库');
      throw new AppError('KEYFILE_CORRUPT');
    }
    return KeyFile.parse(text, path);
  }

  /** A key file from its JSON text (a backup carries a copy of the administrators' seals); save() writes to `path`. */
  static parse(text: string, path: string): KeyFile {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError('KEYFILE_CORRUPT');
    }
    const result = keyFileSchema.safeParse(parsed);
    if (!result.success) throw new AppError('KEYFILE_CORRUPT');
    return new KeyFile(path, result.data);
  }

  /** A copy holding only the given accounts' password seals and the recovery seal (not saved). */
  withOnlyAccounts(usernames: readonly string[]): KeyFile {
    const ids = new Set(usernames.map((name) => this.accountSealId(name)));
    const seals = this.data.seals.filter((s) => s.kind === 'recovery' || ids.has(s.id));
    return new KeyFile(this.path, { ...this.data, seals });
  }

  /** The key file as keys.json holds it. */
  toJson(): string {
    return `${JSON.stringify(this.data, null, 2)}\n`;
  }

  get vaultId(): string {
    return this.data.vaultId;
  }

  /** The seal id of an account: a hash of the vault id and the lower-cased user name. */
  accountSealId(username: string): string {
    return createHash('sha256')
      .update(`${this.data.vaultId}\n${username.trim().normalize('NFC').toLowerCase()}`)
      .digest('hex');
  }

  hasPasswordSeal(username: string): boolean {
    return this.find('password', this.accountSealId(username)) !== undefined;
  }

  /** The data key, or null when the password is wrong or the account has no seal. */
  async openWithPassword(username: string, password: string): Promise<Buffer | null> {
    const seal = this.find('password', this.accountSealId(username));
    if (!seal) return null;
    return this.open(seal, await deriveKey(password, seal.kdf));
  }

  async openWithRecoveryKey(recoveryBytes: Buffer): Promise<Buffer | null> {
    const seal = this.find('recovery', RECOVERY_SEAL_ID);
    if (!seal) return null;
    return this.open(seal, await deriveKey(recoveryBytes, seal.kdf));
  }

  /** Seals the data key under a password (replacing the account's earlier seal). Not saved yet. */
  async sealForPassword(username: string, password: string, dataKey: Buffer, cost: ScryptCost): Promise<void> {
    await this.seal('password', this.accountSealId(username), newScryptParams(cost), password, dataKey);
  }

  async sealForRecoveryKey(recoveryBytes: Buffer, dataKey: Buffer): Promise<void> {
    await this.seal('recovery', RECOVERY_SEAL_ID, newHkdfParams(), recoveryBytes, dataKey);
  }

  removePasswordSeal(username: string): void {
    const id = this.accountSealId(username);
    this.data = { ...this.data, seals: this.data.seals.filter((s) => !(s.kind === 'password' && s.id === id)) };
  }

  save(): void {
    writeFileAtomic(this.path, this.toJson());
  }

  private find(kind: Seal['kind'], id: string): Seal | undefined {
    return this.data.seals.find((s) => s.kind === kind && s.id === id);
  }

  private associatedData(kind: Seal['kind'], id: string): string {
    return `xuncha-keyfile/1:${this.data.vaultId}:${kind}:${id}`;
  }

  private open(seal: Seal, wrappingKey: Buffer): Buffer | null {
    try {
      return openSealedKey(seal, wrappingKey, this.associatedData(seal.kind, seal.id));
    } finally {
      wrappingKey.fill(0);
    }
  }

  private async seal(kind: Seal['kind'], id: string, kdf: KdfParams, secret: string | Buffer, dataKey: Buffer) {
    const wrappingKey = await deriveKey(secret, kdf);
    try {
      const sealed = sealKey(dataKey, wrappingKey, this.associatedData(kind, id));
      const others = this.data.seals.filter((s) => !(s.kind === kind && s.id === id));
      this.data = { ...this.data, seals: [...others, { kind, id, kdf, ...sealed }] };
    } finally {
      wrappingKey.fill(0);
    }
  }
}
