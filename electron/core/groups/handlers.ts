import type { HandlersFor } from '../router/handler-types';
import * as groups from './groups-service';

export const groupHandlers: HandlersFor<'groups.create' | 'groups.delete' | 'groups.addMember' | 'groups.removeMember' | 'groups.checkConflicts'> = {
  'groups.create': (ctx, input) => groups.createGroup(ctx, input),
  'groups.delete': (ctx, input) => groups.deleteGroup(ctx, input),
  'groups.addMember': (ctx, input) => groups.addMember(ctx, input),
  'groups.removeMember': (ctx, input) => groups.removeMember(ctx, input),
  'groups.checkConflicts': (ctx, input) => groups.checkConflicts(ctx, input),
};
