/**
 * Sending a round as a package and taking one in. The import is two calls: `preview` opens,
 * verifies and diffs (changing nothing), `import` applies what was previewed. Both run the
 * same checks in the same order: signature, trusted sender, addressed to us, not a replay.
 *
 * Re-importing the very same package (same id, same bytes) is not an error: it answers
 * "already imported", with every record unchanged, and writes nothing. Another package with
 * an already imported id, or a sequence number not above the newest one taken in from that
 * sender, is a replay and refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExchangeDiff, ExchangeExportResult, ExchangeImportResult, ExchangeLogEntry, ExchangePreview } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import { roundLabel } from '../../../shared/format';
import { actorOf, change, type ActiveSession, type CoreContext } from '../context';
import { AppError, isAppError } from '../errors';
import { mayReadClues } from '../findings/clue-access';
import { writeFileAtomic } from '../fs/atomic-write';
import { applyPlan, planDiff, planImport, type ImportPlan } from './apply-package';
import { ensureOfficeKeys, ownCardOf } from './keys-service';
import { cardFingerprint, normaliseFingerprint, parseCardText, type OfficeCard } from './office-card';
import { officeKeys } from './office-keys';
import { collectRoundBody, packageBodySchema, type PackageBody } from './package-body';
import { collectFiles, discardPendingFiles, storePendingFiles } from './package-files';
import { openPackageBody, PACKAGE_EXTENSION, sealPackage, verifyPackage, type PackageHeader } from './package-format';
import { exchangeKinds, provenanceOf } from './provenance';
import { TrustedOfficesStore } from './trusted-offices';

/** Far above a real round's records (documents are JSON, files do not travel yet). */
const MAX_PACKAGE_BYTES = 512 * 1024 ** 2;

function recipientOf(ctx: CoreContext, to: { fingerprint: string } | { cardText: string }): { card: OfficeCard; fingerprint: string } {
  if ('cardText' in to) {
    const card = parseCardText(to.cardText);
    return { card, fingerprint: cardFingerprint(card) };
  }
  const office = new TrustedOfficesStore(ctx.active().vault.db).byFingerprint(normaliseFingerprint(to.fingerprint));
  if (!office || office.revokedAt !== null) throw new AppError('EXCHANGE_RECIPIENT_UNKNOWN');
  return { card: office.card, fingerprint: office.fingerprint };
}

function countsOf(body: PackageBody) {
  const sizes = { round: 1, unit: body.units.length, inspection: body.inspections.length, problem: body.problems.length, rectification: body.rectification.length, document: body.documents.length, clue: body.clues?.length ?? 0, file: body.files.length };
  return exchangeKinds.map((kind) => ({ kind, count: sizes[kind] }));
}

/** Builds the package for a round; `choosePath` answers where to write it (the save dialog, or a CLI path). */
export async function exportPackage(
  ctx: CoreContext,
  input: { roundId: number; to: { fingerprint: string } | { cardText: string }; includeClues: boolean },
): Promise<ExchangeExportResult | null> {
  const session = ctx.active();
  if (input.includeClues && !mayReadClues(session)) throw new AppError('EXCHANGE_CLUES_DENIED');
  const keys = ensureOfficeKeys(ctx);
  const own = ownCardOf(session, keys);
  const recipient = recipientOf(ctx, input.to);
  if (recipient.fingerprint === cardFingerprint(own)) throw new AppError('EXCHANGE_OWN_CARD');
  const body = collectRoundBody(session.vault.db, input.roundId, input.includeClues);
  if (!body) throw new AppError('NOT_FOUND');
  const label = roundLabel(body.round.term.name, body.round.number);
  if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
  const path = await ctx.options.files.chooseFileToSave({ title: '保存交换数据包', defaultName: `${label}-致${recipient.card.name}.${PACKAGE_EXTENSION}` });
  if (!path) return null;
  body.files = await collectFiles(session.vault, body);
  return change(ctx, (s, record) => {
    const db = s.vault.db;
    const sequence = (db.prepare('SELECT coalesce(max(sequence), 0) + 1 AS next FROM exchange_exports WHERE recipient_fingerprint = ?').get(recipient.fingerprint) as { next: number }).next;
    const packageId = randomUUID();
    const createdAt = ctx.now().toISOString();
    const bytes = sealPackage(
      { packageId, createdAt, sequence, sender: own, senderFingerprint: cardFingerprint(own), recipientFingerprint: recipient.fingerprint },
      Buffer.from(JSON.stringify(body), 'utf8'),
      { signPrivate: keys.signPrivate, recipientBox: recipient.card.box },
    );
    // Written inside the transaction: a failed write leaves no export row and no used sequence number.
    writeFileAtomic(path, bytes);
    const by = actorOf(s.user).name;
    db.prepare(
      `INSERT INTO exchange_exports (package_id, recipient_fingerprint, recipient_name, sequence, round_id, includes_clues, bytes, created_by_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(packageId, recipient.fingerprint, recipient.card.name, sequence, input.roundId, input.includeClues ? 1 : 0, bytes.length, by, createdAt);
    const counts = countsOf(body);
    record({
      action: 'exchange.export',
      target: { type: 'round', id: input.roundId },
      detail: { round: label, recipient: recipient.card.name, packageId, sequence, includesClues: input.includeClues, fileName: basename(path), counts: Object.fromEntries(counts.map((c) => [c.kind, c.count])) },
    });
    return { path, fileName: basename(path), bytes: bytes.length, packageId, sequence, recipient: recipient.card.name, counts };
  });
}

interface Inspected {
  header: PackageHeader;
  senderName: string;
  body: PackageBody;
  plan: ImportPlan;
  preview: ExchangePreview;
  sha256: string;
}

/** Every check, in the order that matters (signature before anything is decrypted), then the diff. */
export function inspectPackage(session: ActiveSession, bytes: Buffer, fileName: string): Inspected {
  const db = session.vault.db;
  const pkg = verifyPackage(bytes);
  const { header } = pkg;
  const sender = new TrustedOfficesStore(db).byFingerprint(header.senderFingerprint);
  if (!sender || sender.revokedAt !== null) throw new AppError('EXCHANGE_UNTRUSTED_SENDER');
  const keys = officeKeys(db);
  if (!keys || header.recipientFingerprint !== cardFingerprint(ownCardOf(session, keys))) throw new AppError('EXCHANGE_WRONG_RECIPIENT');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const prior = db.prepare('SELECT package_sha256 FROM exchange_imports WHERE package_id = ?').get(header.packageId) as { package_sha256: string } | undefined;
  if (prior && prior.package_sha256 !== sha256) throw new AppError('EXCHANGE_REPLAYED');
  const alreadyImported = prior !== undefined;
  if (!alreadyImported) {
    const last = (db.prepare('SELECT max(sequence) AS last FROM exchange_imports WHERE sender_fingerprint = ?').get(header.senderFingerprint) as { last: number | null }).last;
    if (last !== null && header.sequence <= last) throw new AppError('EXCHANGE_REPLAYED');
  }
  let body: PackageBody;
  try {
    body = packageBodySchema.parse(JSON.parse(openPackageBody(pkg, keys.boxPrivate).toString('utf8')));
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('EXCHANGE_TAMPERED');
  }
  if (body.clues !== null && !mayReadClues(session)) throw new AppError('EXCHANGE_CLUES_DENIED');
  const plan = planImport(db, header.senderFingerprint, body);
  const diff: ExchangeDiff[] = alreadyImported
    ? planDiff(plan).map((d) => ({ kind: d.kind, new: 0, changed: 0, unchanged: d.new + d.changed + d.unchanged }))
    : planDiff(plan);
  return {
    header,
    senderName: sender.name,
    body,
    plan,
    sha256,
    preview: {
      packageId: header.packageId,
      fileName,
      sender: { name: sender.name, code: sender.code, fingerprint: sender.fingerprint },
      createdAt: header.createdAt,
      sequence: header.sequence,
      roundLabel: roundLabel(body.round.term.name, body.round.number),
      includesClues: body.clues !== null,
      alreadyImported,
      diff,
    },
  };
}

/** The file chosen for the last preview, per core: the import reads it again and checks it again. */
const chosen = new WeakMap<CoreContext, string>();

function readPackageFile(path: string): Buffer {
  if (statSync(path).size > MAX_PACKAGE_BYTES) throw new AppError('EXCHANGE_NOT_A_PACKAGE');
  return readFileSync(path);
}

/** A refusal is audited (who tried which file, and why), outside any transaction. */
function refused(ctx: CoreContext, fileName: string, error: unknown): never {
  if (isAppError(error) && error.code.startsWith('EXCHANGE_')) {
    const session = ctx.active();
    session.audit.append({ action: 'exchange.import', actor: actorOf(session.user), outcome: 'failed', detail: { fileName, error: error.code as ErrorCode } });
  }
  throw error;
}

export async function previewImport(ctx: CoreContext, input: { reuseChosenFile: boolean }): Promise<ExchangePreview | null> {
  let path = input.reuseChosenFile ? chosen.get(ctx) : undefined;
  if (!path) {
    if (!ctx.options.files) throw new AppError('DIALOG_UNAVAILABLE');
    const picked = await ctx.options.files.chooseFileToOpen({ title: '选择交换数据包', filters: [{ name: '交换数据包', extensions: [PACKAGE_EXTENSION] }] });
    if (!picked) return null;
    path = picked;
  }
  chosen.set(ctx, path);
  try {
    return inspectPackage(ctx.active(), readPackageFile(path), basename(path)).preview;
  } catch (error) {
    return refused(ctx, basename(path), error);
  }
}

export async function confirmImport(ctx: CoreContext, input: { packageId: string }): Promise<ExchangeImportResult> {
  const path = chosen.get(ctx);
  if (!path) throw new AppError('EXCHANGE_NO_PREVIEW');
  let inspected: Inspected;
  try {
    inspected = inspectPackage(ctx.active(), readPackageFile(path), basename(path));
  } catch (error) {
    return refused(ctx, basename(path), error);
  }
  if (inspected.header.packageId !== input.packageId) throw new AppError('EXCHANGE_NO_PREVIEW');
  return importInspected(ctx, inspected);
}

/** Applies an inspected package; the same package a second time changes nothing. */
async function importInspected(ctx: CoreContext, inspected: Inspected): Promise<ExchangeImportResult> {
  const { header, preview } = inspected;
  const session = ctx.active();
  if (preview.alreadyImported) {
    const row = session.vault.db.prepare('SELECT round_id, imported_at FROM exchange_imports WHERE package_id = ?').get(header.packageId) as { round_id: number; imported_at: string };
    return { ...preview, roundId: row.round_id, importedAt: row.imported_at };
  }
  const at = ctx.now().toISOString();
  // Files are written (temp, fsync, rename) before the transaction, which then gives them their owners.
  const newFiles = inspected.plan.files.filter((f) => f.change === 'new').map((f) => f.record);
  const files = await storePendingFiles(session.vault, newFiles, session.user.id, at);
  try {
    return recordImport(ctx, inspected, files, at);
  } catch (error) {
    discardPendingFiles(session.vault, files, at);
    throw error;
  }
}

function recordImport(ctx: CoreContext, inspected: Inspected, files: Map<number, number>, at: string): ExchangeImportResult {
  const { header, preview } = inspected;
  return change(ctx, (s, record) => {
    const by = actorOf(s.user);
    const roundId = applyPlan(inspected.plan, {
      db: s.vault.db,
      sender: { fingerprint: header.senderFingerprint, name: inspected.senderName, code: header.sender.code },
      user: { id: s.user.id, name: by.name },
      packageId: header.packageId,
      at,
      files,
    });
    s.vault.db
      .prepare(
        `INSERT INTO exchange_imports (package_id, package_sha256, sender_fingerprint, sender_name, sequence, created_at, round_id, round_label, imported_by_name, imported_at, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(header.packageId, inspected.sha256, header.senderFingerprint, inspected.senderName, header.sequence, header.createdAt, roundId, preview.roundLabel, by.name, at, JSON.stringify(preview.diff));
    record({
      action: 'exchange.import',
      target: { type: 'round', id: roundId },
      detail: { sender: inspected.senderName, packageId: header.packageId, sequence: header.sequence, round: preview.roundLabel, fileName: preview.fileName, includesClues: preview.includesClues, diff: preview.diff },
    });
    return { ...preview, roundId, importedAt: at };
  });
}

export function importLog(ctx: CoreContext): ExchangeLogEntry[] {
  const rows = ctx.active().vault.db.prepare('SELECT * FROM exchange_imports ORDER BY imported_at DESC, id DESC').all() as {
    id: number;
    package_id: string;
    sender_name: string;
    sequence: number;
    created_at: string;
    round_id: number | null;
    round_label: string;
    imported_by_name: string;
    imported_at: string;
    summary: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    packageId: r.package_id,
    senderName: r.sender_name,
    sequence: r.sequence,
    createdAt: r.created_at,
    roundId: r.round_id,
    roundLabel: r.round_label,
    importedBy: r.imported_by_name,
    importedAt: r.imported_at,
    diff: JSON.parse(r.summary) as ExchangeDiff[],
  }));
}

export function roundOrigin(ctx: CoreContext, input: { roundId: number }): { senderName: string; importedAt: string } | null {
  return provenanceOf(ctx.active().vault.db, 'round', input.roundId);
}
