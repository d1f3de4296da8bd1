/**
 * The office card (巡察办公钥卡): the office's name, code and level with the public halves of
 * its Ed25519 (signing) and X25519 (encryption) key pairs. Its fingerprint, SHA-256 of the
 * canonical card, is what two offices compare by phone or on paper before trusting each other.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';

export const officeCardSchema = z
  .object({
    v: z.literal(1),
    name: z.string().min(1).max(100),
    code: z.string().max(40),
    level: z.enum(['city', 'county']),
    /** Ed25519 public key, raw 32 bytes as base64url (the JWK `x`). */
    sign: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** X25519 public key, likewise. */
    box: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();
export type OfficeCard = z.infer<typeof officeCardSchema>;

const BEGIN = '-----BEGIN XUNCHA OFFICE CARD-----';
const END = '-----END XUNCHA OFFICE CARD-----';

/** One spelling per card: the keys in a fixed order, no spaces, so every office hashes the same bytes. */
export function canonicalCard(card: OfficeCard): string {
  return JSON.stringify({ v: card.v, name: card.name, code: card.code, level: card.level, sign: card.sign, box: card.box });
}

/** SHA-256 of the canonical card, 64 upper-case hex digits. */
export function cardFingerprint(card: OfficeCard): string {
  return createHash('sha256').update(canonicalCard(card), 'utf8').digest('hex').toUpperCase();
}

/** 'A1B2 C3D4 …': sixteen groups of four, to read aloud. */
export function groupFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}

/** Spaces, dashes and case do not matter when a person types a fingerprint. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:-]/g, '').toUpperCase();
}

/** The card as a small text file: readable lines for people, then the card itself in base64. */
export function cardText(card: OfficeCard): string {
  const body = Buffer.from(canonicalCard(card), 'utf8').toString('base64');
  return [
    '巡察工作台 巡察办公钥卡 / Xuncha Desk office card',
    `巡察办 Office: ${card.name}`,
    `全宗号 Code: ${card.code}`,
    `指纹 Fingerprint: ${groupFingerprint(cardFingerprint(card))}`,
    BEGIN,
    ...(body.match(/.{1,64}/g) ?? []),
    END,
    '',
  ].join('\n');
}

/** Reads a card from its text (the lines for people are ignored: only the block counts). */
export function parseCardText(text: string): OfficeCard {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new AppError('EXCHANGE_CARD_INVALID');
  const base64 = text.slice(start + BEGIN.length, end).replace(/\s/g, '');
  try {
    return officeCardSchema.parse(JSON.parse(Buffer.from(base64, 'base64').toString('utf8')));
  } catch {
    throw new AppError('EXCHANGE_CARD_INVALID');
  }
}
