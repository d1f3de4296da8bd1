import { localDate } from '../context';
import type { HandlersFor } from '../router/handler-types';
import * as checklists from './checklists';
import * as clues from './clues-service';
import * as catalog from './handover-catalog';
import * as handovers from './handovers-service';
import * as lists from './lists-service';
import * as problems from './problems-service';
import { exportProblems } from './problems-export';
import { importProblems } from './problems-import';
import { problemTemplate } from './problems-import-template';

export const findingsHandlers: HandlersFor<
  | 'checklists.templates'
  | 'checklists.saveTemplate'
  | 'checklists.forInspection'
  | 'checklists.attach'
  | 'checklists.answer'
  | 'problems.list'
  | 'problems.get'
  | 'problems.create'
  | 'problems.update'
  | 'problems.delete'
  | 'problems.bulkUpdate'
  | 'problems.categories'
  | 'problems.importTemplate'
  | 'problems.import'
  | 'problems.export'
  | 'clues.counts'
  | 'clues.list'
  | 'clues.get'
  | 'clues.create'
  | 'clues.attachFile'
  | 'clues.viewFile'
  | 'clues.attachFromDisk'
  | 'clues.saveFileCopy'
  | 'clues.handOver'
  | 'clues.recordDisposal'
  | 'handover.lists'
  | 'accountability.list'
  | 'accountability.create'
  | 'personMatters.list'
  | 'personMatters.create'
  | 'fourLists.export'
  | 'handover.overdue'
  | 'handover.register'
  | 'handover.handOverList'
  | 'handover.attachReceipt'
  | 'handover.viewReceipt'
  | 'handover.setReceiptReturned'
  | 'handoverCatalog.get'
  | 'handoverCatalog.add'
  | 'handoverCatalog.rename'
  | 'handoverCatalog.reorder'
  | 'handoverCatalog.setRetired'
  | 'handoverCatalog.delete'
> = {
  'checklists.templates': (ctx) => checklists.listTemplates(ctx.active().vault.db),
  'checklists.saveTemplate': (ctx, input) => checklists.saveTemplate(ctx, input),
  'checklists.forInspection': (ctx, input) => checklists.forInspection(ctx.active().vault.db, input.inspectionId),
  'checklists.attach': (ctx, input) => checklists.attach(ctx, input),
  'checklists.answer': (ctx, input) => checklists.answer(ctx, input),

  'problems.list': (ctx, input) => problems.listProblems(ctx, input),
  'problems.get': (ctx, input) => problems.getProblem(ctx, input.id),
  'problems.create': (ctx, input) => problems.createProblem(ctx, input),
  'problems.update': (ctx, input) => problems.updateProblem(ctx, input),
  'problems.delete': (ctx, input) => problems.deleteProblem(ctx, input.id),
  'problems.bulkUpdate': (ctx, input) => problems.bulkUpdate(ctx, input),
  'problems.categories': (ctx) =>
    (
      ctx.active().vault.db.prepare('SELECT id, focus, name, retired FROM problem_categories ORDER BY focus, sort_order, id').all() as {
        id: number;
        focus: 'corruption' | 'grassroots' | 'rectification';
        name: string;
        retired: number;
      }[]
    ).map((c) => ({ id: c.id, focus: c.focus, name: c.name, retired: c.retired === 1 })),

  'problems.importTemplate': (ctx, input) => problemTemplate(ctx, input.roundId),
  'problems.import': (ctx, input) => importProblems(ctx, input),
  'problems.export': (ctx, input) => exportProblems(ctx, input),

  'clues.counts': (ctx, input) => clues.counts(ctx, input.roundId),
  'clues.list': (ctx, input) => clues.listClues(ctx, input),
  'clues.get': (ctx, input) => clues.getClue(ctx, input.id),
  'clues.create': (ctx, input) => clues.createClue(ctx, input),
  'clues.attachFile': (ctx, input) => clues.attachFile(ctx, input),
  'clues.viewFile': (ctx, input) => clues.viewFile(ctx, input),
  'clues.attachFromDisk': (ctx, input) => clues.attachFromDisk(ctx, input.clueId),
  'clues.saveFileCopy': (ctx, input) => clues.saveFileCopy(ctx, input),
  'clues.handOver': (ctx, input) => handovers.handOver(ctx, input),
  'clues.recordDisposal': (ctx, input) => clues.recordDisposal(ctx, input),

  'accountability.list': (ctx, input) => lists.listAccountability(ctx.active().vault.db, input.roundId),
  'accountability.create': (ctx, input) => lists.createAccountability(ctx, input),
  'personMatters.list': (ctx, input) => lists.listPersonMatters(ctx.active().vault.db, input.roundId),
  'personMatters.create': (ctx, input) => lists.createPersonMatter(ctx, input),
  'fourLists.export': (ctx, input) => lists.exportFourList(ctx, input),

  'handover.overdue': (ctx) => handovers.overdueHandovers(ctx.active().vault.db, localDate(ctx.now())),
  'handover.register': (ctx, input) => handovers.register(ctx, input),
  'handover.handOverList': (ctx, input) => handovers.handOverList(ctx, input),
  'handover.attachReceipt': (ctx, input) => handovers.attachReceipt(ctx, input),
  'handover.viewReceipt': (ctx, input) => handovers.viewReceipt(ctx, input),
  'handover.setReceiptReturned': (ctx, input) => handovers.setReceiptReturned(ctx, input),

  'handoverCatalog.get': (ctx) => catalog.handoverCatalog(ctx.active().vault.db),
  'handoverCatalog.add': (ctx, input) => catalog.addEntry(ctx, input),
  'handoverCatalog.rename': (ctx, input) => catalog.renameEntry(ctx, input),
  'handoverCatalog.reorder': (ctx, input) => catalog.reorderEntries(ctx, input),
  'handoverCatalog.setRetired': (ctx, input) => catalog.setRetired(ctx, input),
  'handoverCatalog.delete': (ctx, input) => catalog.deleteEntry(ctx, input),

  'handover.lists': (ctx) => {
    const db = ctx.active().vault.db;
    return {
      // Retired receivers stay on old records but are not offered for new ones.
      receivers: db.prepare('SELECT id, name FROM receivers WHERE retired = 0 ORDER BY sort_order, id').all() as { id: number; name: string }[],
      disposalTypes: (db.prepare('SELECT id, name, retired FROM disposal_types ORDER BY sort_order, id').all() as { id: number; name: string; retired: number }[]).map((d) => ({
        ...d,
        retired: d.retired === 1,
      })),
    };
  },
};
