/**
 * This office's card and the registry of trusted offices, as the channels see them.
 */
import { readFileSync, statSync } from 'node:fs';
import type { OfficeCardView, TrustedOffice } from '../../../shared/contract';
import { actorOf, change, type ActiveSession, type CoreContext } from '../context';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { cardFingerprint, cardText, normaliseFingerprint, parseCardText, type OfficeCard } from './office-card';
import { createOfficeKeys, officeKeys, ownCard, type OfficeKeys } from './office-keys';
import { TrustedOfficesStore } from './trusted-offices';

const MAX_CARD_BYTES = 20_000;

export function cardView(card: OfficeCard): OfficeCardView {
  return { name: card.name, code: card.code, level: card.level, fingerprint: cardFingerprint(card), cardText: cardText(card) };
}

/** The office's keys, made (and audited) the first time anyone needs them. */
export function ensureOfficeKeys(ctx: CoreContext): OfficeKeys {
  const session = ctx.active();
  const existing = officeKeys(session.vault.db);
  if (existing) return existing;
  change(ctx, (s, record) => {
    createOfficeKeys(s.vault.db, ctx.now().toISOString());
    const keys = officeKeys(s.vault.db);
    if (!keys) throw new Error('office keys not stored');
    record({ action: 'exchange.keysCreate', detail: { fingerprint: cardFingerprint(ownCard(s.office, keys)) } });
  });
  const keys = officeKeys(session.vault.db);
  if (!keys) throw new Error('office keys not stored');
  return keys;
}

export function ownCardOf(session: ActiveSession, keys: OfficeKeys): OfficeCard {
  return ownCard(session.office, keys);
}

export function officeCard(ctx: CoreContext): OfficeCardView {
  const keys = ensureOfficeKeys(ctx);
  return cardView(ownCardOf(ctx.active(), keys));
}

export async function saveOfficeCard(ctx: CoreContext): Promise<{ path: string } | null> {
  const view = officeCard(ctx);
  if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
  const path = await ctx.options.files.chooseFileToSave({ title: '保存本单位公钥卡', defaultName: `${view.name}-公钥卡.txt` });
  if (!path) return null;
  writeFileAtomic(path, view.cardText);
  return { path };
}

/** Reads a card from pasted text, or from a file the user picks; null when the dialog was closed. */
export async function readCard(ctx: CoreContext, input: { cardText?: string | undefined }): Promise<OfficeCardView | null> {
  let text = input.cardText;
  if (text === undefined) {
    if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
    const path = await ctx.options.files.chooseFileToOpen({ title: '选择对方巡察办的公钥卡', filters: [{ name: '公钥卡', extensions: ['txt', 'card'] }] });
    if (!path) return null;
    if (statSync(path).size > MAX_CARD_BYTES) throw new AppError('EXCHANGE_CARD_INVALID');
    text = readFileSync(path, 'utf8');
  }
  return cardView(parseCardText(text));
}

export function trustOffice(ctx: CoreContext, input: { cardText: string; confirmFingerprint: string }): TrustedOffice {
  const card = parseCardText(input.cardText);
  const fingerprint = cardFingerprint(card);
  if (normaliseFingerprint(input.confirmFingerprint) !== fingerprint) throw new AppError('EXCHANGE_FINGERPRINT_MISMATCH');
  const keys = ensureOfficeKeys(ctx);
  if (cardFingerprint(ownCardOf(ctx.active(), keys)) === fingerprint) throw new AppError('EXCHANGE_OWN_CARD');
  return change(ctx, (session, record) => {
    const store = new TrustedOfficesStore(session.vault.db);
    const current = store.byFingerprint(fingerprint);
    if (current && current.revokedAt === null) throw new AppError('DUPLICATE', '该巡察办的公钥卡已登记');
    const id = store.trust(card, fingerprint, { id: session.user.id, name: actorOf(session.user).name }, ctx.now().toISOString());
    record({ action: 'exchange.trust', target: { type: 'trustedOffice', id }, detail: { name: card.name, code: card.code, fingerprint } });
    const office = store.byId(id);
    if (!office) throw new Error('trusted office not stored');
    return office;
  });
}

export function revokeOffice(ctx: CoreContext, input: { id: number }): TrustedOffice {
  return change(ctx, (session, record) => {
    const store = new TrustedOfficesStore(session.vault.db);
    const office = store.byId(input.id);
    if (!office) throw new AppError('NOT_FOUND');
    if (office.revokedAt === null) {
      store.revoke(input.id, actorOf(session.user).name, ctx.now().toISOString());
      record({ action: 'exchange.revoke', target: { type: 'trustedOffice', id: input.id }, detail: { name: office.name, fingerprint: office.fingerprint } });
    }
    return store.byId(input.id) ?? office;
  });
}

export function trustedOffices(ctx: CoreContext): TrustedOffice[] {
  return new TrustedOfficesStore(ctx.active().vault.db).list();
}
