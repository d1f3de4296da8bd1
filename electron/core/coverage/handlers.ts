import type { HandlersFor } from '../router/handler-types';
import { coverage, coverageMatrix, coverageToday, dashboard, lookbackCandidates } from './coverage-service';

export const coverageHandlers: HandlersFor<'coverage.get' | 'coverage.matrix' | 'coverage.lookbackCandidates' | 'dashboard.get'> = {
  'coverage.get': (ctx, input) => coverage(ctx.active().vault.db, input.termId),
  'coverage.matrix': (ctx, input) => coverageMatrix(ctx.active().vault.db, input),
  'coverage.lookbackCandidates': (ctx, input) => lookbackCandidates(ctx.active().vault.db, input.termId, coverageToday(ctx)),
  'dashboard.get': (ctx, input) => dashboard(ctx.active().vault.db, input.year),
};
