import type { HandlersFor } from '../router/handler-types';
import * as report from './report';
import * as results from './results-service';

export const resultsLedgerHandlers: HandlersFor<
  | 'resultsLedger.summary'
  | 'resultsLedger.list'
  | 'resultsLedger.create'
  | 'resultsLedger.update'
  | 'resultsLedger.delete'
  | 'resultsLedger.exportXlsx'
  | 'resultsLedger.exportPdf'
> = {
  'resultsLedger.summary': (ctx, input) => results.summary(ctx.active().vault.db, input.roundId),
  'resultsLedger.list': (ctx, input) => results.listEntries(ctx, input),
  'resultsLedger.create': (ctx, input) => results.createEntry(ctx, input),
  'resultsLedger.update': (ctx, input) => results.updateEntry(ctx, input),
  'resultsLedger.delete': (ctx, input) => results.deleteEntry(ctx, input.id),
  'resultsLedger.exportXlsx': (ctx, input) => report.exportXlsx(ctx, input.roundId),
  'resultsLedger.exportPdf': (ctx, input) => report.exportPdf(ctx, input.roundId),
};
