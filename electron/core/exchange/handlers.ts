import type { HandlersFor } from '../router/handler-types';
import { officeCard, readCard, revokeOffice, saveOfficeCard, trustedOffices, trustOffice } from './keys-service';
import { confirmImport, exportPackage, importLog, previewImport, roundOrigin } from './packages-service';

export const exchangeHandlers: HandlersFor<
  | 'exchange.card'
  | 'exchange.saveCard'
  | 'exchange.readCard'
  | 'exchange.trust'
  | 'exchange.revoke'
  | 'exchange.trusted'
  | 'exchange.export'
  | 'exchange.preview'
  | 'exchange.import'
  | 'exchange.log'
  | 'exchange.roundOrigin'
> = {
  'exchange.card': (ctx) => officeCard(ctx),
  'exchange.saveCard': (ctx) => saveOfficeCard(ctx),
  'exchange.readCard': (ctx, input) => readCard(ctx, input),
  'exchange.trust': (ctx, input) => trustOffice(ctx, input),
  'exchange.revoke': (ctx, input) => revokeOffice(ctx, input),
  'exchange.trusted': (ctx) => trustedOffices(ctx),
  'exchange.export': (ctx, input) => exportPackage(ctx, input),
  'exchange.preview': (ctx, input) => previewImport(ctx, input),
  'exchange.import': (ctx, input) => confirmImport(ctx, input),
  'exchange.log': (ctx) => importLog(ctx),
  'exchange.roundOrigin': (ctx, input) => roundOrigin(ctx, input),
};
