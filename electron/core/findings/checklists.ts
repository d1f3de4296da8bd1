import type { ChannelInput, ChannelOutput, ChecklistTemplate } from '../../../shared/contract';
import type { ChecklistAnswer, Focus } from '../../../shared/domain';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

interface ItemRow {
  id: number;
  ordinal: number;
  section: string;
  focus: Focus | null;
  text: string;
  is_sample: number;
}

const toItem = (r: ItemRow) => ({ id: r.id, ordinal: r.ordinal, section: r.section, focus: r.focus, text: r.text, isSample: r.is_sample === 1 });

function items(db: Db, versionId: number) {
  return (db.prepare('SELECT * FROM checklist_items WHERE version_id = ? ORDER BY ordinal').all(versionId) as ItemRow[]).map(toItem);
}

/** Every template at its newest version. */
export function listTemplates(db: Db): ChecklistTemplate[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, t.mode, t.topic_id, v.id AS version_id, v.version
       FROM checklist_templates t JOIN checklist_versions v ON v.template_id = t.id
       WHERE v.version = (SELECT max(version) FROM checklist_versions WHERE template_id = t.id)
       ORDER BY t.id`,
    )
    .all() as { id: number; name: string; mode: string | null; topic_id: number | null; version_id: number; version: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, mode: r.mode, topicId: r.topic_id, versionId: r.version_id, version: r.version, items: items(db, r.version_id) }));
}

/**
 * Saves a template as a new version (a new template when id is null). Inspections already
 * answering an older version keep it and its wording; new attachments get the newest.
 */
export function saveTemplate(ctx: CoreContext, input: ChannelInput<'checklists.saveTemplate'>): ChecklistTemplate {
  return change(ctx, ({ vault, user }, record) => {
    const db = vault.db;
    const at = ctx.now().toISOString();
    let templateId = input.id;
    const clash = db.prepare('SELECT id FROM checklist_templates WHERE name = ?').get(input.name) as { id: number } | undefined;
    if (clash && clash.id !== templateId) throw new AppError('DUPLICATE', `已有名为“${input.name}”的清单`);
    if (templateId === null) {
      templateId = Number(
        db.prepare('INSERT INTO checklist_templates (name, mode, topic_id, created_at) VALUES (?, ?, ?, ?)').run(input.name, input.mode ?? null, input.topicId ?? null, at)
          .lastInsertRowid,
      );
    } else {
      const changed = db.prepare('UPDATE checklist_templates SET name = ?, mode = ?, topic_id = ? WHERE id = ?').run(input.name, input.mode ?? null, input.topicId ?? null, templateId);
      if (changed.changes === 0) throw new AppError('NOT_FOUND');
    }
    const version = ((db.prepare('SELECT max(version) AS v FROM checklist_versions WHERE template_id = ?').get(templateId) as { v: number | null }).v ?? 0) + 1;
    const versionId = Number(
      db.prepare('INSERT INTO checklist_versions (template_id, version, created_by, created_at) VALUES (?, ?, ?, ?)').run(templateId, version, user.id, at).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO checklist_items (version_id, ordinal, section, focus, text, is_sample) VALUES (?, ?, ?, ?, ?, ?)');
    input.items.forEach((item, i) => insert.run(versionId, i + 1, item.section, item.focus, item.text, item.isSample ? 1 : 0));
    record({ action: 'checklist.saveTemplate', target: { type: 'checklistTemplate', id: templateId }, detail: { name: input.name, version, items: input.items.length } });
    return listTemplates(db).find((t) => t.id === templateId)!;
  });
}

export function forInspection(db: Db, inspectionId: number): ChannelOutput<'checklists.forInspection'> {
  if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(inspectionId)) throw new AppError('NOT_FOUND');
  const attached = db
    .prepare(
      `SELECT t.id AS template_id, t.name, v.id AS version_id, v.version
       FROM inspection_checklists ic JOIN checklist_versions v ON v.id = ic.version_id JOIN checklist_templates t ON t.id = v.template_id
       WHERE ic.inspection_id = ? ORDER BY t.id`,
    )
    .all(inspectionId) as { template_id: number; name: string; version_id: number; version: number }[];
  const answers = new Map(
    (
      db
        .prepare(
          `SELECT a.item_id, a.answer, a.note, acc.display_name FROM checklist_answers a LEFT JOIN accounts acc ON acc.id = a.answered_by
           WHERE a.inspection_id = ?`,
        )
        .all(inspectionId) as { item_id: number; answer: ChecklistAnswer; note: string; display_name: string | null }[]
    ).map((a) => [a.item_id, a]),
  );
  const links = db
    .prepare('SELECT pci.item_id, pci.problem_id FROM problem_checklist_items pci JOIN problems p ON p.id = pci.problem_id WHERE p.inspection_id = ?')
    .all(inspectionId) as { item_id: number; problem_id: number }[];
  return {
    inspectionId,
    templates: attached.map((t) => ({
      templateId: t.template_id,
      name: t.name,
      versionId: t.version_id,
      version: t.version,
      items: items(db, t.version_id).map((item) => {
        const answer = answers.get(item.id);
        return {
          ...item,
          answer: answer?.answer ?? null,
          note: answer?.note ?? '',
          answeredBy: answer?.display_name ?? null,
          problemIds: links.filter((l) => l.item_id === item.id).map((l) => l.problem_id),
        };
      }),
    })),
  };
}

export function attach(ctx: CoreContext, input: ChannelInput<'checklists.attach'>): ChannelOutput<'checklists.attach'> {
  return change(ctx, ({ vault }, record) => {
    const template = listTemplates(vault.db).find((t) => t.id === input.templateId);
    if (!template) throw new AppError('INVALID_REFERENCE', '清单不存在');
    if (!vault.db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(input.inspectionId)) throw new AppError('NOT_FOUND');
    const already = vault.db
      .prepare('SELECT 1 FROM inspection_checklists ic JOIN checklist_versions v ON v.id = ic.version_id WHERE ic.inspection_id = ? AND v.template_id = ?')
      .get(input.inspectionId, input.templateId);
    if (already) throw new AppError('DUPLICATE', `本巡察任务已使用“${template.name}”`);
    vault.db.prepare('INSERT INTO inspection_checklists (inspection_id, version_id) VALUES (?, ?)').run(input.inspectionId, template.versionId);
    record({ action: 'checklist.attach', target: { type: 'inspection', id: input.inspectionId }, detail: { template: template.name, version: template.version } });
    return forInspection(vault.db, input.inspectionId);
  });
}

export function answer(ctx: CoreContext, input: ChannelInput<'checklists.answer'>): null {
  return change(ctx, ({ vault, user }, record) => {
    const item = vault.db
      .prepare('SELECT ci.text FROM checklist_items ci JOIN inspection_checklists ic ON ic.version_id = ci.version_id WHERE ci.id = ? AND ic.inspection_id = ?')
      .get(input.itemId, input.inspectionId) as { text: string } | undefined;
    if (!item) throw new AppError('INVALID_REFERENCE', '该清单条目不属于本巡察任务');
    vault.db
      .prepare(
        `INSERT INTO checklist_answers (inspection_id, item_id, answer, note, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET answer = excluded.answer, note = excluded.note, answered_by = excluded.answered_by, answered_at = excluded.answered_at`,
      )
      .run(input.inspectionId, input.itemId, input.answer, input.note ?? '', user.id, ctx.now().toISOString());
    record({ action: 'checklist.answer', target: { type: 'inspection', id: input.inspectionId }, detail: { item: item.text.slice(0, 100), answer: input.answer } });
    return null;
  });
}
