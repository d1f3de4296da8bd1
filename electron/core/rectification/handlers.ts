import type { HandlersFor } from '../router/handler-types';
import * as evidence from './evidence-service';
import * as ledger from './ledger-service';
import * as reports from './reports-service';

export const rectificationHandlers: HandlersFor<
  | 'rectification.inspections'
  | 'rectification.ledger'
  | 'rectification.get'
  | 'rectification.createItems'
  | 'rectification.update'
  | 'rectification.advance'
  | 'rectification.review'
  | 'rectification.advanceMany'
  | 'rectification.reviewMany'
  | 'rectification.attachEvidence'
  | 'rectification.viewEvidence'
  | 'rectification.report'
  | 'rectification.saveReport'
  | 'rectification.overdue'
  | 'rectification.counts'
> = {
  'rectification.inspections': (ctx, input) => reports.roundInspections(ctx, input.roundId),
  'rectification.ledger': (ctx, input) => ledger.ledger(ctx, input),
  'rectification.get': (ctx, input) => ledger.getItem(ctx, input.id),
  'rectification.createItems': (ctx, input) => ledger.createItems(ctx, input),
  'rectification.update': (ctx, input) => ledger.updateItem(ctx, input),
  'rectification.advance': (ctx, input) => ledger.advance(ctx, input),
  'rectification.review': (ctx, input) => ledger.review(ctx, input),
  'rectification.advanceMany': (ctx, input) => ledger.advanceMany(ctx, input),
  'rectification.reviewMany': (ctx, input) => ledger.reviewMany(ctx, input),
  'rectification.attachEvidence': (ctx, input) => evidence.attachEvidence(ctx, input),
  'rectification.viewEvidence': (ctx, input) => evidence.viewEvidence(ctx, input),
  'rectification.report': (ctx, input) => reports.getReport(ctx, input.inspectionId),
  'rectification.saveReport': (ctx, input) => reports.saveReport(ctx, input),
  'rectification.overdue': (ctx, input) => reports.overdueItems(ctx, input),
  'rectification.counts': (ctx, input) => reports.counts(ctx, input),
};
