import { CatalogsStore } from '../catalogs/catalogs-store';
import { change, localDate } from '../context';
import type { HandlersFor } from '../router/handler-types';
import { UnitsStore } from './units-store';
import { buildUnitExport } from './xlsx/export';
import { importAssessments, importUnits } from './xlsx/import-service';
import { buildUnitTemplate } from './xlsx/template';

/** Spreadsheet import and export of the unit registry (shared/channels/registry.ts, registryTransferChannels). */
export const unitTransferHandlers: HandlersFor<'units.import' | 'units.importTemplate' | 'units.export' | 'units.importAssessments'> = {
  'units.importTemplate': async (ctx) => {
    const catalogs = new CatalogsStore(ctx.active().vault.db).all();
    return { fileName: '被巡察单位导入模板.xlsx', base64: await buildUnitTemplate(catalogs, ctx.now()) };
  },

  'units.import': (ctx, input) => importUnits(ctx, input),

  'units.importAssessments': (ctx, input) => importAssessments(ctx, input),

  /** The filtered registry (the units.list filter, all pages); audited with the filter and the count. */
  'units.export': async (ctx, filter) => {
    const { items } = new UnitsStore(ctx.active().vault.db).list(filter, null);
    const base64 = await buildUnitExport(items, ctx.now());
    change(ctx, (_session, record) => record({ action: 'unit.export', detail: { filter: { ...filter }, count: items.length } }));
    return { fileName: `被巡察单位名册_${localDate(ctx.now())}.xlsx`, base64 };
  },
};
