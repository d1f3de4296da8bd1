import type { HandlersFor } from '../../router/handler-types';
import * as catalogue from './service';

export const catalogueHandlers: HandlersFor<'archives.catalogueVolumes' | 'archives.catalogue' | 'archives.stampLabels'> = {
  'archives.catalogueVolumes': (ctx, input) => catalogue.catalogueVolumes(ctx, input),
  'archives.catalogue': (ctx, input) => catalogue.printCatalogue(ctx, input),
  'archives.stampLabels': (ctx, input) => catalogue.printStampLabels(ctx, input),
};
