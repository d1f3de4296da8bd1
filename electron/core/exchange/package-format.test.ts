import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { cardFingerprint, cardText, parseCardText, type OfficeCard } from './office-card';
import { rawPublicKey } from './office-keys';
import { openPackageBody, sealPackage, verifyPackage } from './package-format';

function office(name: string) {
  const signing = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  const card: OfficeCard = { v: 1, name, code: '0201', level: 'county', sign: rawPublicKey(signing.publicKey), box: rawPublicKey(box.publicKey) };
  return { card, fingerprint: cardFingerprint(card), signPrivate: signing.privateKey, boxPrivate: box.privateKey };
}

const county = office('土默特左旗委巡察办');
const city = office('呼和浩特市委巡察办');
const body = Buffer.from(JSON.stringify({ words: '违规发放津贴补贴，涉及金额12.6万元', list: Array.from({ length: 40 }, (_, i) => `问题${i}`) }), 'utf8');
const sealed = sealPackage(
  { packageId: randomUUID(), createdAt: '2026-11-26T09:00:00.000Z', sequence: 1, sender: county.card, senderFingerprint: county.fingerprint, recipientFingerprint: city.fingerprint },
  body,
  { signPrivate: county.signPrivate, recipientBox: city.card.box },
);

/** The refusal code of opening `bytes` at the city, or 'OPENED' if it opened. */
function outcome(bytes: Buffer): string {
  try {
    openPackageBody(verifyPackage(bytes), city.boxPrivate);
    return 'OPENED';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe('the package file', () => {
  it('opens for the recipient only, and carries nothing readable in the clear', () => {
    expect(openPackageBody(verifyPackage(sealed), city.boxPrivate)).toEqual(body);
    expect(() => openPackageBody(verifyPackage(sealed), county.boxPrivate)).toThrow(expect.objectContaining({ code: 'EXCHANGE_TAMPERED' }));
    expect(sealed.includes(Buffer.from('违规发放'))).toBe(false);
    expect(sealed.includes(Buffer.from('问题1'))).toBe(false);
  });

  it('refuses the package with any single byte changed, at every position', () => {
    const codes = new Map<string, number>();
    for (let at = 0; at < sealed.length; at++) {
      for (const mask of [0x01, 0x80]) {
        const changed = Buffer.from(sealed);
        changed[at] = changed[at]! ^ mask;
        const code = outcome(changed);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }
    expect(codes.has('OPENED')).toBe(false);
    expect([...codes.keys()].every((code) => code.startsWith('EXCHANGE_'))).toBe(true);
  });

  it('refuses the package cut short at every length, and names a missing signature', () => {
    for (let length = 0; length < sealed.length; length++) expect(outcome(sealed.subarray(0, length))).not.toBe('OPENED');
    expect(outcome(sealed.subarray(0, sealed.length - 66))).toBe('EXCHANGE_UNSIGNED');
    expect(outcome(Buffer.concat([sealed, Buffer.from([0])]))).toBe('EXCHANGE_TAMPERED');
  });

  it('refuses a package re-signed by someone else under the sender’s card', () => {
    const intruder = office('伪造者');
    const forged = Buffer.from(sealed);
    const signature = forged.length - 64;
    // The intruder signs the same bytes with their own key: the card in the header still names the county's key.
    sign(null, forged.subarray(0, signature - 2), intruder.signPrivate).copy(forged, signature);
    expect(outcome(forged)).toBe('EXCHANGE_TAMPERED');
  });

  it('reads a card back from its text, and refuses text that is not one', () => {
    expect(parseCardText(cardText(county.card))).toEqual(county.card);
    expect(() => parseCardText('-----BEGIN XUNCHA OFFICE CARD-----\nnot base64 json\n-----END XUNCHA OFFICE CARD-----')).toThrow(expect.objectContaining({ code: 'EXCHANGE_CARD_INVALID' }));
  });
});
