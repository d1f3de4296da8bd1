import type { HandlersFor } from '../router/handler-types';
import { quickSearch } from './quick-search';

export const searchHandlers: HandlersFor<'search.quick'> = {
  'search.quick': (ctx, input) => quickSearch(ctx, input),
};
