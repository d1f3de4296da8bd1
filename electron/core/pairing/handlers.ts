import type { HandlersFor } from '../router/handler-types';
import * as checks from './checks-service';
import * as pairings from './pairings-service';
import * as reports from './report-service';
import * as template from './template-service';
import * as visits from './visits-service';

export const pairingHandlers: HandlersFor<
  | 'pairing.overview'
  | 'pairing.saveLeader'
  | 'pairing.pair'
  | 'pairing.unpair'
  | 'pairing.template'
  | 'pairing.saveItem'
  | 'pairing.retireItem'
  | 'pairing.visits'
  | 'pairing.logVisit'
  | 'pairing.ledger'
  | 'pairing.history'
  | 'pairing.recordCheck'
  | 'pairing.closeCheck'
  | 'pairing.reopenCheck'
  | 'pairing.report'
  | 'pairing.printReport'
> = {
  'pairing.overview': (ctx, input) => pairings.overview(ctx, input.year),
  'pairing.saveLeader': (ctx, input) => pairings.saveLeader(ctx, input),
  'pairing.pair': (ctx, input) => pairings.pair(ctx, input),
  'pairing.unpair': (ctx, input) => pairings.unpair(ctx, input),
  'pairing.template': (ctx) => template.template(ctx),
  'pairing.saveItem': (ctx, input) => template.saveItem(ctx, input),
  'pairing.retireItem': (ctx, input) => template.retireItem(ctx, input.id),
  'pairing.visits': (ctx, input) => visits.visits(ctx, input),
  'pairing.logVisit': (ctx, input) => visits.logVisit(ctx, input),
  'pairing.ledger': (ctx, input) => checks.ledger(ctx, input),
  'pairing.history': (ctx, input) => checks.history(ctx, input.checkId),
  'pairing.recordCheck': (ctx, input) => checks.recordCheck(ctx, input),
  'pairing.closeCheck': (ctx, input) => checks.closeCheck(ctx, input),
  'pairing.reopenCheck': (ctx, input) => checks.reopenCheck(ctx, input),
  'pairing.report': (ctx, input) => reports.report(ctx, input),
  'pairing.printReport': (ctx, input) => reports.printReport(ctx, input),
};
