import { change } from '../context';
import { AppError } from '../errors';
import type { HandlersFor } from '../router/handler-types';
import { CatalogsStore } from './catalogs-store';

/** The office's editable lists: 旗县区, unit kinds, special-inspection topics. */
export const catalogHandlers: HandlersFor<'catalogs.get' | 'catalogs.add' | 'catalogs.rename'> = {
  'catalogs.get': (ctx) => new CatalogsStore(ctx.active().vault.db).all(),

  'catalogs.add': (ctx, input) =>
    change(ctx, ({ vault }, record) => {
      const store = new CatalogsStore(vault.db);
      if (store.byName(input.catalog, input.name)) throw new AppError('DUPLICATE', `“${input.name}”已在列表中`);
      const id = store.add(input.catalog, input.name);
      record({ action: 'catalog.change', target: { type: input.catalog, id }, detail: { added: input.name } });
      return store.all();
    }),

  'catalogs.rename': (ctx, input) =>
    change(ctx, ({ vault }, record) => {
      const store = new CatalogsStore(vault.db);
      const clash = store.byName(input.catalog, input.name);
      if (clash && clash.id !== input.id) throw new AppError('DUPLICATE', `“${input.name}”已在列表中`);
      const before = store.list(input.catalog).find((e) => e.id === input.id);
      if (!before || !store.rename(input.catalog, input.id, input.name)) throw new AppError('NOT_FOUND');
      record({ action: 'catalog.change', target: { type: input.catalog, id: input.id }, detail: { from: before.name, to: input.name } });
      return store.all();
    }),
};
