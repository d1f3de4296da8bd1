import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
} from 'node:crypto';

/** The vault's data key: 256 random bits, never stored except wrapped. */
export const DATA_KEY_BYTES = 32;

export interface ScryptCost {
  /** CPU/memory cost, a power of two. 2^17 takes ~0.6 s on the target machines. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

export type KdfParams =
  | { name: 'scrypt'; N: number; r: number; p: number; salt: string }
  | { name: 'hkdf-sha256'; salt: string };

export interface SealedKey {
  iv: string;
  tag: string;
  data: string;
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function newScryptParams(cost: ScryptCost): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function newHkdfParams(): KdfParams {
  return { name: 'hkdf-sha256', salt: randomBytes(16).toString('base64') };
}

/** Passwords are NFC-normalised so the same typed text derives the same key on every OS. */
export async function deriveKey(secret: string | Buffer, params: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  if (params.name === 'hkdf-sha256') {
    const material = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    return Buffer.from(hkdfSync('sha256', material, salt, 'xuncha recovery wrap', 32));
  }
  const password = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** AES-256-GCM with associated data binding the sealed key to its place in the key file. */
export function sealKey(key: Buffer, wrappingKey: Buffer, associatedData: string): SealedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Returns null when the wrapping key is wrong or anything in the sealed key was altered. */
export function openSealedKey(sealed: SealedKey, wrappingKey: Buffer, associatedData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
