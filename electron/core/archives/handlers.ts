import type { HandlersFor } from '../router/handler-types';
import * as items from './items-service';
import * as maintenance from './maintenance-service';

export const archiveHandlers: HandlersFor<
  | 'archives.list'
  | 'archives.get'
  | 'archives.create'
  | 'archives.update'
  | 'archives.attachFile'
  | 'archives.attachFromDisk'
  | 'archives.viewFile'
  | 'archives.saveFileCopy'
  | 'archives.search'
  | 'archives.rebuildIndex'
  | 'archives.fixityRun'
  | 'archives.fixityStatus'
  | 'archives.job'
> = {
  'archives.list': (ctx, input) => items.listItems(ctx, input),
  'archives.get': (ctx, input) => items.getItem(ctx, input.id),
  'archives.create': (ctx, input) => items.createItem(ctx, input),
  'archives.update': (ctx, input) => items.updateItem(ctx, input),
  'archives.attachFile': (ctx, input) => items.attachFile(ctx, input),
  'archives.attachFromDisk': (ctx, input) => items.attachFromDisk(ctx, input),
  'archives.viewFile': (ctx, input) => items.viewFile(ctx, input),
  'archives.saveFileCopy': (ctx, input) => items.saveFileCopy(ctx, input),
  'archives.search': (ctx, input) => items.search(ctx, input),
  'archives.rebuildIndex': (ctx, input) => maintenance.startRebuild(ctx, input),
  'archives.fixityRun': (ctx) => maintenance.startFixity(ctx),
  'archives.fixityStatus': (ctx) => maintenance.fixityStatus(ctx),
  'archives.job': (ctx) => maintenance.currentJob(ctx),
};
