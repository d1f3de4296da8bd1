import type { Catalogs } from '../../../../shared/contract';
import { partyOrgTypes, type PartyOrgType } from '../../../../shared/domain';
import type { UnitFields } from '../units-store';
import { cellText, cleanText, matchKey, quote, singleLine, type CellRead } from './cells';
import { unitColumns, type UnitField } from './columns';
import { readDate } from './dates';
import { IssueList } from './issues';
import { CITY_LEVEL, catalogLookup, checkSheet, choices, fieldCell, regionKey } from './rows';
import type { ImportSheet, SheetRow } from './sheet';

/** A registry unit as the import needs it. */
export interface RegistryUnit {
  id: number;
  name: string;
  regionId: number | null;
}

/** Where a row's 上级单位 is: already in the registry, or another row of the same file. */
export type ParentRef = { registryId: number } | { row: number };

export interface PlannedUnit {
  row: number;
  fields: Omit<UnitFields, 'parentId'>;
  parent: ParentRef | null;
}

export interface UnitImportPlan {
  totalRows: number;
  goodRows: number;
  issues: IssueList;
  /** The good rows in an order that writes every parent before its children. */
  inserts: PlannedUnit[];
}

export const textLimits = { name: 80, parent: 80, note: 500 } as const;

const HEADER = Object.fromEntries(unitColumns.map((c) => [c.field, c.header])) as Record<UnitField, string>;

type Lookup = (text: string) => { id: number; name: string } | undefined;

interface ParsedRow {
  row: number;
  name: string | null;
  kindId: number | null;
  /** undefined: 所属旗县区 could not be read. */
  regionId: number | null | undefined;
  parentName: string;
  partyOrgType: PartyOrgType | null;
  establishedOn: string | null;
  note: string;
  parent: ParentRef | null;
}

/**
 * Checks every row of a unit sheet against the catalogues, the registry and the rest of the
 * file, and plans the writes. Pure: reads nothing but its arguments.
 */
export function planUnitImport(sheet: ImportSheet<UnitField>, catalogs: Pick<Catalogs, 'regions' | 'unitKinds'>, registry: readonly RegistryUnit[]): UnitImportPlan {
  const issues = new IssueList();
  const totalRows = sheet.rows.length;
  if (!checkSheet(sheet, unitColumns, issues)) return { totalRows, goodRows: 0, issues, inserts: [] };

  const kinds = catalogLookup(catalogs.unitKinds);
  const regions = catalogLookup(catalogs.regions);
  const regionName = (id: number | null) => (id === null ? CITY_LEVEL : (catalogs.regions.find((r) => r.id === id)?.name ?? ''));
  const parsed = sheet.rows.map((row) => parseRow(sheet, row, issues, kinds, regions, catalogs));

  // Duplicates: against the registry (same name in the same 旗县区), then within the file.
  const registryByKey = new Map(registry.map((u) => [unitKey(u.name, u.regionId), u]));
  const fileByKey = new Map<string, ParsedRow>();
  for (const row of parsed) {
    if (row.name === null || row.regionId === undefined) continue;
    const key = unitKey(row.name, row.regionId);
    if (registryByKey.has(key)) {
      issues.add(row.row, HEADER.name, `${quote(row.name)}已在单位名册中（${regionName(row.regionId)}），不能重复登记`);
    }
    const earlier = fileByKey.get(key);
    if (earlier) issues.add(row.row, HEADER.name, `与第 ${earlier.row} 行重复：${regionName(row.regionId)}已有名为${quote(row.name)}的单位`);
    else fileByKey.set(key, row);
  }

  // 上级单位: the same 旗县区 first, then 市本级, then a unit of that name anywhere if only one.
  const registryByName = groupBy(registry, (u) => u.name);
  const fileByName = groupBy(
    [...fileByKey.values()].filter((r) => r.name !== null),
    (r) => r.name!,
  );
  for (const row of parsed) {
    if (!row.parentName || row.regionId === undefined) continue;
    if (row.name === row.parentName) {
      issues.add(row.row, HEADER.parent, '上级单位不能是本单位');
      continue;
    }
    const found = findParent(row.parentName, row.regionId, registryByKey, fileByKey, registryByName, fileByName);
    if ('parent' in found) row.parent = found.parent;
    else issues.add(row.row, HEADER.parent, found.message);
  }

  // A row whose 上级单位 is a row of this file depends on it: a loop, or a bad parent row, makes it bad too.
  const byRow = new Map(parsed.map((r) => [r.row, r]));
  const fileParent = (r: ParsedRow) => (r.parent && 'row' in r.parent ? byRow.get(r.parent.row) : undefined);
  const state = new Map<number, 'visiting' | 'good' | 'bad'>();
  const settle = (row: ParsedRow): boolean => {
    const known = state.get(row.row);
    if (known === 'good' || known === 'bad') return known === 'good';
    if (known === 'visiting') return false;
    state.set(row.row, 'visiting');
    const parent = fileParent(row);
    let good = !issues.hasRow(row.row);
    if (parent) {
      if (state.get(parent.row) === 'visiting' || loops(row, fileParent)) {
        issues.add(row.row, HEADER.parent, `上级单位关系形成循环（${cycleRows(row, fileParent).map((n) => `第 ${n} 行`).join(' → ')}）`);
        good = false;
      } else if (!settle(parent)) {
        if (good) issues.add(row.row, HEADER.parent, `上级单位${quote(row.parentName)}所在的第 ${parent.row} 行有误，本行须一并修正后才能导入`);
        good = false;
      }
    }
    state.set(row.row, good ? 'good' : 'bad');
    return good;
  };
  const inserts: PlannedUnit[] = [];
  const written = new Set<number>();
  const plan = (row: ParsedRow) => {
    if (written.has(row.row)) return;
    const parent = fileParent(row);
    if (parent) plan(parent);
    written.add(row.row);
    inserts.push({
      row: row.row,
      fields: {
        name: row.name!,
        kindId: row.kindId!,
        regionId: row.regionId!,
        partyOrgType: row.partyOrgType!,
        establishedOn: row.establishedOn,
        note: row.note,
      },
      parent: row.parent,
    });
  };
  for (const row of parsed) settle(row);
  for (const row of parsed) if (state.get(row.row) === 'good') plan(row);
  return { totalRows, goodRows: inserts.length, issues, inserts };
}

function parseRow(
  sheet: ImportSheet<UnitField>,
  row: SheetRow,
  issues: IssueList,
  kinds: Lookup,
  regions: Lookup,
  catalogs: Pick<Catalogs, 'regions' | 'unitKinds'>,
): ParsedRow {
  const cell = (field: UnitField): CellRead => fieldCell(sheet, row, field);
  const text = (field: UnitField) => singleLine(cellText(cell(field)));
  const add = (field: UnitField, message: string) => issues.add(row.number, HEADER[field], message);

  const parsed: ParsedRow = {
    row: row.number,
    name: null,
    kindId: null,
    regionId: undefined,
    parentName: '',
    partyOrgType: null,
    establishedOn: null,
    note: '',
    parent: null,
  };

  const name = text('name');
  if (!name) {
    if (cell('name').kind === 'empty') add('name', '单位名称不能为空');
  } else if (name.length > textLimits.name) add('name', `单位名称超过 ${textLimits.name} 字（现为 ${name.length} 字）`);
  else parsed.name = name;

  const kindText = text('kind');
  const kind = kindText ? kinds(kindText) : undefined;
  if (!kindText) {
    if (cell('kind').kind === 'empty') add('kind', '单位类别不能为空');
  } else if (!kind) add('kind', `单位类别${quote(kindText)}不在目录中（可选：${choices(catalogs.unitKinds.map((k) => k.name))}）`);
  else parsed.kindId = kind.id;

  const regionText = text('region');
  if (!regionText) {
    if (cell('region').kind === 'empty') parsed.regionId = null;
  } else if (matchKey(regionText) === CITY_LEVEL) parsed.regionId = null;
  else {
    const region = regions(regionText);
    if (region) parsed.regionId = region.id;
    else add('region', `所属旗县区${quote(regionText)}不在目录中（可选：${choices(catalogs.regions.map((r) => r.name))}；市本级单位不填）`);
  }

  const parentName = text('parent');
  if (parentName.length > textLimits.parent) add('parent', `上级单位超过 ${textLimits.parent} 字`);
  else parsed.parentName = parentName;

  const orgText = text('partyOrgType');
  const orgType = partyOrgTypes.find((t) => t === matchKey(orgText));
  if (!orgText) {
    if (cell('partyOrgType').kind === 'empty') add('partyOrgType', '党组织类型不能为空');
  } else if (!orgType) add('partyOrgType', `党组织类型${quote(orgText)}不正确（可选：${partyOrgTypes.join('、')}）`);
  else parsed.partyOrgType = orgType;

  const date = readDate(cell('establishedOn'));
  if (date.ok) parsed.establishedOn = date.date;
  else if (cell('establishedOn').kind !== 'formula' && cell('establishedOn').kind !== 'error') add('establishedOn', date.message);

  const note = cleanText(cellText(cell('note')));
  if (note.length > textLimits.note) add('note', `备注超过 ${textLimits.note} 字（现为 ${note.length} 字）`);
  else parsed.note = note;

  return parsed;
}

function findParent(
  name: string,
  regionId: number | null,
  registryByKey: ReadonlyMap<string, RegistryUnit>,
  fileByKey: ReadonlyMap<string, ParsedRow>,
  registryByName: ReadonlyMap<string, RegistryUnit[]>,
  fileByName: ReadonlyMap<string, ParsedRow[]>,
): { parent: ParentRef } | { message: string } {
  for (const key of regionId === null ? [unitKey(name, null)] : [unitKey(name, regionId), unitKey(name, null)]) {
    const unit = registryByKey.get(key);
    if (unit) return { parent: { registryId: unit.id } };
    const row = fileByKey.get(key);
    if (row) return { parent: { row: row.row } };
  }
  const anywhere: ParentRef[] = [
    ...(registryByName.get(name) ?? []).map((u) => ({ registryId: u.id })),
    ...(fileByName.get(name) ?? []).map((r) => ({ row: r.row })),
  ];
  if (anywhere.length === 1) return { parent: anywhere[0]! };
  if (anywhere.length > 1) return { message: `上级单位${quote(name)}在多个旗县区都有同名单位，无法确定是哪一个` };
  return { message: `上级单位${quote(name)}不在单位名册中，也不在本表中：请先登记上级单位，或在本表中一并填写` };
}

function unitKey(name: string, regionId: number | null): string {
  return `${regionKey(regionId)}\u0000${name}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** True when following 上级单位 rows from `row` comes back to it. */
function loops(row: ParsedRow, parentOf: (r: ParsedRow) => ParsedRow | undefined): boolean {
  return cycleRows(row, parentOf).length > 0;
}

/** The rows of the loop `row` is on, starting with it; empty when it is on none. */
function cycleRows(row: ParsedRow, parentOf: (r: ParsedRow) => ParsedRow | undefined): number[] {
  const path: number[] = [row.row];
  const seen = new Set(path);
  for (let current = parentOf(row); current; current = parentOf(current)) {
    if (current.row === row.row) return [...path, row.row];
    if (seen.has(current.row)) return [];
    seen.add(current.row);
    path.push(current.row);
  }
  return [];
}
