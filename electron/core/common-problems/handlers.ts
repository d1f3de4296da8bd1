import type { HandlersFor } from '../router/handler-types';
import * as lists from './lists-service';
import * as scorecard from './scorecard-service';
import * as selfChecks from './self-checks-service';

export const commonProblemHandlers: HandlersFor<
  | 'commonLists.list'
  | 'commonLists.create'
  | 'commonLists.update'
  | 'commonLists.items'
  | 'commonLists.issue'
  | 'commonLists.units'
  | 'commonProblems.merge'
  | 'commonProblems.update'
  | 'commonProblems.delete'
  | 'selfChecks.ofUnit'
  | 'selfChecks.save'
  | 'selfChecks.saveMany'
  | 'selfChecks.attachEvidence'
  | 'selfChecks.viewEvidence'
  | 'scorecard.get'
  | 'scorecard.pdf'
> = {
  'commonLists.list': (ctx) => lists.lists(ctx),
  'commonLists.create': (ctx, input) => lists.createList(ctx, input),
  'commonLists.update': (ctx, input) => lists.updateList(ctx, input),
  'commonLists.items': (ctx, input) => lists.items(ctx, input),
  'commonLists.issue': (ctx, input) => lists.issue(ctx, input),
  'commonLists.units': (ctx, input) => lists.listUnits(ctx, input),
  'commonProblems.merge': (ctx, input) => lists.merge(ctx, input),
  'commonProblems.update': (ctx, input) => lists.updateItem(ctx, input),
  'commonProblems.delete': (ctx, input) => lists.deleteItem(ctx, input.id),
  'selfChecks.ofUnit': (ctx, input) => selfChecks.ofUnit(ctx, input),
  'selfChecks.save': (ctx, input) => selfChecks.save(ctx, input),
  'selfChecks.saveMany': (ctx, input) => selfChecks.saveMany(ctx, input),
  'selfChecks.attachEvidence': (ctx, input) => selfChecks.attachEvidence(ctx, input),
  'selfChecks.viewEvidence': (ctx, input) => selfChecks.viewEvidence(ctx, input),
  'scorecard.get': (ctx, input) => scorecard.scorecard(ctx, input),
  'scorecard.pdf': (ctx, input) => scorecard.scorecardPdf(ctx, input),
};
