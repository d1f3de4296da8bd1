import type { HandlersFor } from '../../router/handler-types';
import * as dossier from './dossier-service';
import * as filing from './filing-service';
import * as ledgers from './rectification-ledger';
import * as schedule from './schedule';

export const archiveDossierHandlers: HandlersFor<
  | 'archives.dossier'
  | 'archives.dossierDefaults'
  | 'archives.offered'
  | 'archives.fileDocument'
  | 'archives.fileFourList'
  | 'archives.fileRectificationLedger'
  | 'archives.importFromDisk'
  | 'archives.importUpload'
  | 'archives.closeDossier'
  | 'archives.correct'
  | 'archives.fixitySchedule'
  | 'archives.setFixityInterval'
> = {
  'archives.dossier': (ctx, input) => dossier.getDossier(ctx, input.roundId),
  'archives.dossierDefaults': (ctx, input) => dossier.setDefaults(ctx, input),
  'archives.offered': (ctx, input) => filing.offered(ctx, input.roundId),
  'archives.fileFourList': (ctx, input) => filing.fileFourList(ctx, input),
  'archives.fileRectificationLedger': (ctx, input) => ledgers.fileRectificationLedger(ctx, input),
  'archives.fileDocument': (ctx, input) => filing.fileDocument(ctx, input),
  'archives.importFromDisk': (ctx, input) => filing.importFromDisk(ctx, input),
  'archives.importUpload': (ctx, input) => filing.importUpload(ctx, input),
  'archives.closeDossier': (ctx, input) => dossier.closeDossier(ctx, input),
  'archives.correct': (ctx, input) => dossier.correctItem(ctx, input),
  'archives.fixitySchedule': (ctx) => schedule.fixitySchedule(ctx),
  'archives.setFixityInterval': (ctx, input) => schedule.setFixityInterval(ctx, input),
};
