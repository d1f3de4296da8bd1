import type { ChannelInput, ChannelOutput, Problem } from '../../../shared/contract';
import { change, type CoreContext } from '../context';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { ProblemsStore, type ProblemFields } from './problems-store';

export function listProblems(ctx: CoreContext, input: ChannelInput<'problems.list'> & { page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = input;
  return new ProblemsStore(ctx.active().vault.db).list(filter, { page, pageSize });
}

export function getProblem(ctx: CoreContext, id: number): Problem {
  const problem = new ProblemsStore(ctx.active().vault.db).byId(id);
  if (!problem) throw new AppError('NOT_FOUND');
  return problem;
}

export function createProblem(ctx: CoreContext, input: ChannelInput<'problems.create'>): Problem {
  return change(ctx, ({ vault, user }, record) => {
    const store = new ProblemsStore(vault.db);
    const fields = problemFields(input);
    validate(vault.db, fields, input.checklistItemIds ?? []);
    const id = store.insert(fields, user.id, ctx.now().toISOString());
    store.setChecklistItems(id, input.checklistItemIds ?? []);
    record({ action: 'problem.create', target: { type: 'problem', id }, detail: { inspectionId: fields.inspectionId, focus: fields.focus, source: fields.source } });
    return store.byId(id)!;
  });
}

export function updateProblem(ctx: CoreContext, input: ChannelInput<'problems.update'>): Problem {
  return change(ctx, ({ vault }, record) => {
    const store = new ProblemsStore(vault.db);
    const before = store.byId(input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const fields = problemFields(input);
    validate(vault.db, fields, input.checklistItemIds ?? []);
    store.update(input.id, fields, ctx.now().toISOString());
    store.setChecklistItems(input.id, input.checklistItemIds ?? []);
    record({
      action: 'problem.update',
      target: { type: 'problem', id: input.id },
      detail: { before: { focus: before.focus, categoryId: before.categoryId, source: before.source, isCommon: before.isCommon }, after: { focus: fields.focus, categoryId: fields.categoryId, source: fields.source, isCommon: fields.isCommon } },
    });
    return store.byId(input.id)!;
  });
}

export function deleteProblem(ctx: CoreContext, id: number): null {
  return change(ctx, ({ vault }, record) => {
    const store = new ProblemsStore(vault.db);
    const problem = store.byId(id);
    if (!problem) throw new AppError('NOT_FOUND');
    const linked = vault.db.prepare('SELECT 1 FROM accountability_items WHERE problem_id = ? UNION SELECT 1 FROM person_matters WHERE problem_id = ? LIMIT 1').get(id, id);
    if (linked) throw new AppError('IN_USE', '该问题已关联追责问责或点人点事事项，不能删除');
    if (vault.db.prepare('SELECT 1 FROM rectification_items WHERE problem_id = ?').get(id)) throw new AppError('IN_USE', '该问题已建立整改台账，不能删除');
    store.delete(id);
    record({ action: 'problem.delete', target: { type: 'problem', id }, detail: { inspectionId: problem.inspectionId, unit: problem.unitName, description: problem.description.slice(0, 200) } });
    return null;
  });
}

/**
 * One change to many problems, in one transaction and one audit entry. A category must belong
 * to the problem's (new) focus: an explicit category of another focus is refused; a focus
 * change that strands a problem's old category clears it.
 */
export function bulkUpdate(ctx: CoreContext, input: ChannelInput<'problems.bulkUpdate'>): ChannelOutput<'problems.bulkUpdate'> {
  return change(ctx, ({ vault }, record) => {
    const db = vault.db;
    const store = new ProblemsStore(db);
    const { changes } = input;
    if (Object.values(changes).every((v) => v === undefined)) return { updated: 0 };
    const focusOfCategory = (id: number) => (db.prepare('SELECT focus FROM problem_categories WHERE id = ?').get(id) as { focus: string } | undefined)?.focus;
    if (changes.categoryId != null && !focusOfCategory(changes.categoryId)) throw new AppError('INVALID_REFERENCE', '问题类别不存在');
    const read = db.prepare('SELECT focus, category_id, source, is_common FROM problems WHERE id = ?');
    const write = db.prepare('UPDATE problems SET focus = ?, category_id = ?, source = ?, is_common = ?, updated_at = ? WHERE id = ?');
    const at = ctx.now().toISOString();
    let updated = 0;
    for (const id of new Set(input.ids)) {
      const current = read.get(id) as { focus: string; category_id: number | null; source: string; is_common: number } | undefined;
      if (!current) throw new AppError('NOT_FOUND', `问题 ${id} 不存在`);
      const focus = changes.focus ?? current.focus;
      let categoryId = changes.categoryId !== undefined ? changes.categoryId : current.category_id;
      if (categoryId !== null && focusOfCategory(categoryId) !== focus) {
        if (changes.categoryId !== undefined) throw new AppError('INVALID_REFERENCE', '问题类别不属于所选的聚焦方向');
        categoryId = null;
      }
      const isCommon = changes.isCommon !== undefined ? (changes.isCommon ? 1 : 0) : current.is_common;
      updated += write.run(focus, categoryId, changes.source ?? current.source, isCommon, at, id).changes;
      // Focus, source and 共性 are tokens in the problem's full-text document, which the list filters on.
      store.reindex(id);
    }
    record({ action: 'problem.bulkUpdate', detail: { ids: input.ids.slice(0, 1000), changes, updated } });
    return { updated };
  });
}

function problemFields(input: ChannelInput<'problems.create'>): ProblemFields {
  return {
    inspectionId: input.inspectionId,
    focus: input.focus,
    categoryId: input.categoryId ?? null,
    description: input.description,
    evidence: input.evidence ?? '',
    source: input.source,
    isCommon: input.isCommon ?? false,
  };
}

function validate(db: Db, fields: ProblemFields, itemIds: number[]): void {
  if (!db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(fields.inspectionId)) throw new AppError('INVALID_REFERENCE', '巡察任务不存在');
  if (fields.categoryId !== null) {
    const category = db.prepare('SELECT focus FROM problem_categories WHERE id = ?').get(fields.categoryId) as { focus: string } | undefined;
    if (!category) throw new AppError('INVALID_REFERENCE', '问题类别不存在');
    if (category.focus !== fields.focus) throw new AppError('INVALID_REFERENCE', '问题类别不属于所选的聚焦方向');
  }
  for (const itemId of itemIds) {
    const linked = db
      .prepare('SELECT 1 FROM checklist_items ci JOIN inspection_checklists ic ON ic.version_id = ci.version_id WHERE ci.id = ? AND ic.inspection_id = ?')
      .get(itemId, fields.inspectionId);
    if (!linked) throw new AppError('INVALID_REFERENCE', '所关联的清单条目不属于该巡察任务');
  }
}
