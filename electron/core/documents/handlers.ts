import type { HandlersFor } from '../router/handler-types';
import * as documents from './documents-service';
import { readFigures, updateFigures } from './figures';
import { readMeeting, saveMeeting } from './meetings';
import * as printing from './print-service';

export const documentHandlers: HandlersFor<
  | 'documents.list'
  | 'documents.create'
  | 'documents.get'
  | 'documents.saveVersion'
  | 'documents.preview'
  | 'documents.finalise'
  | 'documents.print'
  | 'documents.printFourList'
  | 'documents.fonts'
  | 'printRegister.list'
  | 'feedbackMeetings.get'
  | 'feedbackMeetings.save'
  | 'onSiteFigures.get'
  | 'onSiteFigures.update'
> = {
  'documents.list': (ctx, input) => documents.listDocuments(ctx, input),
  'documents.create': (ctx, input) => documents.createDocument(ctx, input),
  'documents.get': (ctx, input) => documents.getDocument(ctx, input),
  'documents.saveVersion': (ctx, input) => documents.saveVersion(ctx, input),
  'documents.preview': (ctx, input) => documents.preview(ctx, input),
  'documents.finalise': (ctx, input) => documents.finalise(ctx, input),
  'documents.print': (ctx, input) => printing.printDocument(ctx, input),
  'documents.printFourList': (ctx, input) => printing.printFourList(ctx, input),
  'documents.fonts': (ctx) => documents.fontStatus(ctx),
  'printRegister.list': (ctx, input) => printing.listRegister(ctx, input),
  'feedbackMeetings.get': (ctx, input) => readMeeting(ctx.active().vault.db, input.inspectionId),
  'feedbackMeetings.save': (ctx, input) => saveMeeting(ctx, input),
  'onSiteFigures.get': (ctx, input) => readFigures(ctx.active().vault.db, input.inspectionId),
  'onSiteFigures.update': (ctx, input) => updateFigures(ctx, input),
};
