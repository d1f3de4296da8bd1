import { randomBytes } from 'node:crypto';

/**
 * The recovery key, shown once at setup: 160 random bits written in Crockford base32 as eight
 * groups of four (e.g. 7K3M-Q9XD-…), chosen for printing and typing: no I, L, O or U, and
 * letters that look alike are read as the digit they resemble.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_KEY_BYTES = 20;

export function newRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = randomBytes(RECOVERY_KEY_BYTES);
  return { text: formatRecoveryKey(bytes), bytes };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Returns null for text that cannot be a recovery key (wrong length or characters). */
export function parseRecoveryKey(text: string): Buffer | null {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== Math.ceil((RECOVERY_KEY_BYTES * 8) / 5)) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of cleaned) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out.length === RECOVERY_KEY_BYTES ? Buffer.from(out) : null;
}
