import type { ChannelInput } from '../../../shared/contract';
import { change } from '../context';
import { AppError } from '../errors';
import type { HandlersFor } from '../router/handler-types';
import type { Db } from '../vault/database';
import { PeopleStore, type PersonFields } from './people-store';

function personFields(db: Db, input: ChannelInput<'people.create'>): PersonFields {
  const fields = {
    name: input.name,
    unitId: input.unitId ?? null,
    unitText: input.unitText ?? '',
    position: input.position ?? '',
    rank: input.rank ?? '',
    specialities: input.specialities ?? '',
    regionId: input.regionId ?? null,
    note: input.note ?? '',
  };
  if (fields.unitId !== null && !db.prepare('SELECT 1 FROM units WHERE id = ?').get(fields.unitId)) throw new AppError('INVALID_REFERENCE', '工作单位不存在');
  if (fields.regionId !== null && !db.prepare('SELECT 1 FROM regions WHERE id = ?').get(fields.regionId)) throw new AppError('INVALID_REFERENCE', '旗县区不存在');
  return fields;
}

export const peopleHandlers: HandlersFor<'people.list' | 'people.create' | 'people.update'> = {
  'people.list': (ctx, input) => new PeopleStore(ctx.active().vault.db).list(input.text, input),

  'people.create': (ctx, input) =>
    change(ctx, ({ vault }, record) => {
      const store = new PeopleStore(vault.db);
      const fields = personFields(vault.db, input);
      const id = store.insert(fields, ctx.now().toISOString());
      record({ action: 'person.create', target: { type: 'person', id }, detail: { name: fields.name, unitId: fields.unitId, unitText: fields.unitText } });
      return store.byId(id)!;
    }),

  'people.update': (ctx, input) =>
    change(ctx, ({ vault }, record) => {
      const store = new PeopleStore(vault.db);
      if (!store.byId(input.id)) throw new AppError('NOT_FOUND');
      const fields = personFields(vault.db, input);
      store.update(input.id, fields, ctx.now().toISOString());
      record({ action: 'person.update', target: { type: 'person', id: input.id }, detail: { after: fields } });
      return store.byId(input.id)!;
    }),
};
