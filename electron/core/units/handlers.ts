import type { HandlersFor } from '../router/handler-types';
import * as units from './units-service';

export const unitHandlers: HandlersFor<'units.list' | 'units.get' | 'units.create' | 'units.update' | 'units.setStatus'> = {
  'units.list': (ctx, input) => units.listUnits(ctx, input),
  'units.get': (ctx, input) => units.getUnit(ctx, input.id),
  'units.create': (ctx, input) => units.createUnit(ctx, input),
  'units.update': (ctx, input) => units.updateUnit(ctx, input),
  'units.setStatus': (ctx, input) => units.setUnitStatus(ctx, input),
};
