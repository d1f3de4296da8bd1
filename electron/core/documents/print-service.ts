import type { ChannelInput, ChannelOutput, PrintResult } from '../../../shared/contract';
import { numberedClassifications, type Classification, type CopyOptions } from '../../../shared/documents';
import { roleMay } from '../../../shared/roles';
import type { AuditAction } from '../../../shared/audit';
import { actorOf, localDate, type CoreContext } from '../context';
import { AppError } from '../errors';
import { assertMayReadClues } from '../findings/clues-service';
import { fourListRows } from '../findings/lists-service';
import { formatCopyNumber, takeCopyNumbers } from './copy-numbers';
import { DocumentsStore } from './documents-store';
import { documentEngine } from './engine-holder';
import { fourListTable } from './four-list-table';
import { renderCopies, type Renderable } from './rendering';

/**
 * Printing and PDF export (印制). Every print takes its 份号 and writes its register row and audit
 * entry in one transaction before anything is rendered, so the register never misses a copy;
 * if the rendering then fails the row says so and its numbers stay used (a spoiled run, like a
 * jammed printer), never handed out again.
 */

interface PrintJob {
  subject: { documentId: number; version: number } | { listKind: ChannelInput<'documents.printFourList'>['kind']; roundId: number };
  title: string;
  classification: Classification;
  classificationPeriod: string;
  copies: number;
  purpose: 'print' | 'pdf';
  what: Renderable;
  audit: { action: AuditAction; target: { type: string; id: number }; detail: Record<string, unknown> };
}

/** 2026-11-26 17:05, local time, for the watermark. */
function localMinute(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(moment)} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

const safeFileName = (title: string) => title.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120);

async function runPrint(ctx: CoreContext, job: PrintJob): Promise<PrintResult> {
  const session = ctx.active();
  const db = session.vault.db;
  const actor = actorOf(session.user);
  const numbered = numberedClassifications.includes(job.classification);
  if (numbered && !roleMay(session.user.role, 'documents.printClassified')) {
    session.audit.append({ action: 'permission.denied', actor, outcome: 'denied', target: job.audit.target, detail: { what: 'classifiedPrint', classification: job.classification } });
    throw new AppError('CLASSIFIED_PRINT_DENIED');
  }
  // Fonts first: a machine without any usable font fails here, before a number is taken.
  const engine = documentEngine(ctx);
  const now = ctx.now();
  const watermark = session.settings.get().documentsWatermark ? `${session.user.displayName} ${localMinute(now)}` : null;
  const subject = 'documentId' in job.subject ? job.subject : null;
  const list = 'listKind' in job.subject ? job.subject : null;

  // IMMEDIATE: take the write lock before reading the counter, so another process on the same
  // vault waits (busy_timeout) rather than failing half-way.
  const { registerId, numbers } = db
    .transaction(() => {
      const numbers = numbered ? takeCopyNumbers(db, job.copies) : null;
      const registerId = Number(
        db
          .prepare(
            `INSERT INTO print_register (document_id, version, list_kind, round_id, title, purpose, classification, classification_period,
               copies, first_copy, last_copy, watermark, printed_by, printed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            subject?.documentId ?? null,
            subject?.version ?? null,
            list?.listKind ?? null,
            list?.roundId ?? null,
            job.title,
            job.purpose,
            job.classification,
            job.classificationPeriod,
            job.copies,
            numbers?.first ?? null,
            numbers?.last ?? null,
            watermark ? 1 : 0,
            session.user.id,
            now.toISOString(),
          ).lastInsertRowid,
      );
      session.audit.append({
        action: job.audit.action,
        actor,
        target: job.audit.target,
        detail: {
          ...job.audit.detail,
          registerId,
          purpose: job.purpose,
          classification: job.classification,
          copies: job.copies,
          firstCopy: numbers ? formatCopyNumber(numbers.first) : null,
          lastCopy: numbers ? formatCopyNumber(numbers.last) : null,
          watermark: watermark !== null,
        },
      });
      return { registerId, numbers };
    })
    .immediate();

  const mark = watermark ? { watermark } : {};
  const copies: CopyOptions[] = numbers
    ? Array.from({ length: job.copies }, (_, i) => ({ copyNumber: formatCopyNumber(numbers.first + i), ...mark }))
    : [mark];
  let rendered;
  try {
    rendered = await renderCopies(engine, job.what, copies);
  } catch (error) {
    db.transaction(() => {
      db.prepare("UPDATE print_register SET outcome = 'failed' WHERE id = ?").run(registerId);
      session.audit.append({ action: job.audit.action, actor, outcome: 'failed', target: job.audit.target, detail: { registerId } });
    })();
    throw error;
  }
  db.prepare("UPDATE print_register SET outcome = 'done', pages = ? WHERE id = ?").run(rendered.copyPages, registerId);

  const range = numbers ? `（份号${formatCopyNumber(numbers.first)}-${formatCopyNumber(numbers.last)}）` : '';
  return {
    fileName: `${safeFileName(job.title)}${range}.pdf`,
    base64: rendered.pdf.toString('base64'),
    pages: rendered.copyPages,
    totalPages: rendered.pages,
    fonts: rendered.fonts,
    substitutes: rendered.fonts.some((f) => f.substitute),
    registerId,
    copies: job.copies,
    copyNumbers: copies.flatMap((c) => (c.copyNumber ? [c.copyNumber] : [])),
    watermark,
  };
}

/** Prints a version of a stored document: the one asked for, else the final one, else the newest. */
export function printDocument(ctx: CoreContext, input: ChannelInput<'documents.print'>): Promise<PrintResult> {
  const store = new DocumentsStore(ctx.active().vault.db);
  const summary = store.byId(input.id);
  if (!summary) throw new AppError('NOT_FOUND', '文书不存在');
  const version = input.version ?? summary.finalVersion ?? summary.latestVersion;
  const content = store.content(input.id, version);
  if (!content) throw new AppError('NOT_FOUND', `该文书没有第${version}版`);
  return runPrint(ctx, {
    subject: { documentId: input.id, version },
    title: content.title,
    classification: content.classification,
    classificationPeriod: content.classificationPeriod,
    copies: input.copies,
    purpose: input.purpose,
    what: { letter: content },
    audit: { action: 'document.print', target: { type: 'document', id: input.id }, detail: { version, status: summary.status, title: content.title } },
  });
}

/** One of the four lists as a landscape table; the clue list only for those who may read clues, audited with its clue numbers like the .xlsx. */
export function printFourList(ctx: CoreContext, input: ChannelInput<'documents.printFourList'>): Promise<PrintResult> {
  const session = ctx.active();
  if (input.kind === 'clues') assertMayReadClues(session);
  const rows = fourListRows(session.vault.db, input);
  const unit =
    input.inspectionId !== undefined
      ? (session.vault.db.prepare('SELECT u.name FROM inspections i JOIN units u ON u.id = i.unit_id WHERE i.id = ?').get(input.inspectionId) as { name: string } | undefined)?.name
      : undefined;
  const table = fourListTable(rows, {
    classification: input.classification ?? 'secret',
    classificationPeriod: input.classificationPeriod ?? '',
    unit: unit ?? null,
    date: localDate(ctx.now()),
  });
  return runPrint(ctx, {
    subject: { listKind: input.kind, roundId: input.roundId },
    title: table.title,
    classification: table.classification,
    classificationPeriod: table.classificationPeriod,
    copies: input.copies,
    purpose: input.purpose,
    what: { table },
    audit: {
      action: 'fourLists.print',
      target: { type: 'round', id: input.roundId },
      detail: { kind: input.kind, inspectionId: input.inspectionId ?? null, rows: rows.rows.length, ...(rows.codes.length ? { codes: rows.codes } : {}) },
    },
  });
}

/** Local date 'YYYY-MM-DD' → the instant its day starts here, as stored timestamps are UTC. */
const startOfDay = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

export function listRegister(ctx: CoreContext, input: ChannelInput<'printRegister.list'>): ChannelOutput<'printRegister.list'> {
  const db = ctx.active().vault.db;
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined) return;
    where.push(clause);
    params[key] = value;
  };
  add('p.document_id = @documentId', 'documentId', input.documentId);
  add('coalesce(p.round_id, d.round_id) = @roundId', 'roundId', input.roundId);
  add('p.purpose = @purpose', 'purpose', input.purpose);
  add('p.classification = @classification', 'classification', input.classification);
  add('p.printed_at >= @from', 'from', input.from && startOfDay(input.from));
  add('p.printed_at < @to', 'to', input.to && startOfDay(input.to, 1));
  add("instr(p.title, @text) > 0", 'text', input.text || undefined);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM print_register p LEFT JOIN documents d ON d.id = p.document_id JOIN accounts a ON a.id = p.printed_by';
  const total = (db.prepare(`SELECT count(*) AS n ${from} ${clause}`).get(params) as { n: number }).n;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const rows = db
    .prepare(`SELECT p.*, coalesce(p.round_id, d.round_id) AS any_round_id, a.display_name, a.username ${from} ${clause} ORDER BY p.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as {
    id: number;
    document_id: number | null;
    list_kind: ChannelOutput<'printRegister.list'>['items'][number]['listKind'];
    any_round_id: number | null;
    title: string;
    version: number | null;
    purpose: 'print' | 'pdf';
    classification: Classification;
    classification_period: string;
    copies: number;
    first_copy: number | null;
    last_copy: number | null;
    watermark: number;
    pages: number | null;
    outcome: 'pending' | 'done' | 'failed';
    display_name: string;
    username: string;
    printed_at: string;
  }[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      listKind: r.list_kind,
      roundId: r.any_round_id,
      title: r.title,
      version: r.version,
      purpose: r.purpose,
      classification: r.classification,
      classificationPeriod: r.classification_period,
      copies: r.copies,
      firstCopy: r.first_copy === null ? null : formatCopyNumber(r.first_copy),
      lastCopy: r.last_copy === null ? null : formatCopyNumber(r.last_copy),
      watermark: r.watermark === 1,
      pages: r.pages,
      outcome: r.outcome,
      printedBy: `${r.display_name}（${r.username}）`,
      printedAt: r.printed_at,
    })),
  };
}
