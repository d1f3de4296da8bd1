import type { HandlersFor } from '../router/handler-types';
import * as rounds from './rounds-service';

export const roundHandlers: HandlersFor<
  | 'terms.list'
  | 'terms.create'
  | 'terms.update'
  | 'rounds.list'
  | 'rounds.get'
  | 'rounds.create'
  | 'rounds.update'
  | 'rounds.advanceStage'
  | 'rounds.tickStep'
  | 'procedure.list'
  | 'procedure.save'
> = {
  'terms.list': (ctx) => rounds.listTerms(ctx),
  'terms.create': (ctx, input) => rounds.createTerm(ctx, input),
  'terms.update': (ctx, input) => rounds.updateTerm(ctx, input),
  'rounds.list': (ctx, input) => rounds.listRounds(ctx, input),
  'rounds.get': (ctx, input) => rounds.roundPage(ctx, input.id),
  'rounds.create': (ctx, input) => rounds.createRound(ctx, input),
  'rounds.update': (ctx, input) => rounds.updateRound(ctx, input),
  'rounds.advanceStage': (ctx, input) => rounds.advanceStage(ctx, input),
  'rounds.tickStep': (ctx, input) => rounds.tickStep(ctx, input),
  'procedure.list': (ctx) => rounds.listProcedure(ctx),
  'procedure.save': (ctx, input) => rounds.saveProcedure(ctx, input),
};
