import type { HandlersFor } from '../router/handler-types';
import { backupStatus, currentJob, startBackup, startRestore, startVerify } from './backup-service';

export const backupHandlers: HandlersFor<'backup.status' | 'backup.create' | 'backup.verify' | 'backup.restore' | 'backup.job'> = {
  'backup.status': (ctx) => backupStatus(ctx),
  'backup.create': (ctx) => startBackup(ctx),
  'backup.verify': (ctx, input) => startVerify(ctx, input),
  'backup.restore': (ctx, input) => startRestore(ctx, input),
  'backup.job': (ctx) => currentJob(ctx),
};
