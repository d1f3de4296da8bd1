import type { HandlersFor } from '../router/handler-types';
import * as inspections from './inspections-service';

export const inspectionHandlers: HandlersFor<
  'inspections.list' | 'inspections.create' | 'inspections.update' | 'inspections.delete' | 'inspections.createBatch' | 'inspections.lookbackTargets'
> = {
  'inspections.list': (ctx, input) => inspections.listInspections(ctx, input),
  'inspections.create': (ctx, input) => inspections.createInspection(ctx, input),
  'inspections.update': (ctx, input) => inspections.updateInspection(ctx, input),
  'inspections.delete': (ctx, input) => inspections.deleteInspection(ctx, input),
  'inspections.createBatch': (ctx, input) => inspections.createBatch(ctx, input),
  'inspections.lookbackTargets': (ctx, input) => inspections.lookbackTargets(ctx, input),
};
