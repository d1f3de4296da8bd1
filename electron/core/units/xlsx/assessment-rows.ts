import type { Catalogs } from '../../../../shared/contract';
import { cellText, matchKey, quote, singleLine } from './cells';
import { assessmentColumns, type AssessmentField } from './columns';
import { IssueList } from './issues';
import { CITY_LEVEL, catalogLookup, checkSheet, choices, fieldCell } from './rows';
import type { ImportSheet } from './sheet';
import type { RegistryUnit } from './unit-rows';

export interface PlannedAssessment {
  row: number;
  unitId: number;
  result: string;
}

export interface AssessmentImportPlan {
  totalRows: number;
  goodRows: number;
  issues: IssueList;
  writes: PlannedAssessment[];
}

export const RESULT_MAX_LENGTH = 20;

const HEADER = Object.fromEntries(assessmentColumns.map((c) => [c.field, c.header])) as Record<AssessmentField, string>;

/**
 * Matches each row of a 党建考核 list to a registry unit: by 单位名称 within 所属旗县区 when the
 * column is filled in (市本级 for a city-level unit), else by name alone when only one unit has
 * it. Unknown or ambiguous units and a unit listed twice are row issues.
 */
export function planAssessmentImport(sheet: ImportSheet<AssessmentField>, catalogs: Pick<Catalogs, 'regions'>, registry: readonly RegistryUnit[]): AssessmentImportPlan {
  const issues = new IssueList();
  const totalRows = sheet.rows.length;
  if (!checkSheet(sheet, assessmentColumns, issues)) return { totalRows, goodRows: 0, issues, writes: [] };

  const regions = catalogLookup(catalogs.regions);
  const byName = new Map<string, RegistryUnit[]>();
  for (const unit of registry) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  const regionName = (id: number | null) => (id === null ? CITY_LEVEL : (catalogs.regions.find((r) => r.id === id)?.name ?? ''));

  const writes: PlannedAssessment[] = [];
  const firstRowOf = new Map<number, number>();
  for (const row of sheet.rows) {
    const add = (field: AssessmentField, message: string) => issues.add(row.number, HEADER[field], message);
    const cell = (field: AssessmentField) => fieldCell(sheet, row, field);
    const name = singleLine(cellText(cell('name')));
    const regionText = singleLine(cellText(cell('region')));
    const result = singleLine(cellText(cell('result')));

    let unit: RegistryUnit | undefined;
    if (!name) {
      if (cell('name').kind === 'empty') add('name', '单位名称不能为空');
    } else {
      let regionId: number | null | undefined;
      if (regionText) {
        regionId = matchKey(regionText) === CITY_LEVEL ? null : (regions(regionText)?.id ?? undefined);
        if (regionId === undefined) add('region', `所属旗县区${quote(regionText)}不在目录中（可选：${choices(catalogs.regions.map((r) => r.name))}；市本级单位不填或填“市本级”）`);
      }
      const namesakes = byName.get(name) ?? [];
      if (regionText && regionId !== undefined) {
        unit = namesakes.find((u) => u.regionId === regionId);
        if (!unit) add('name', `单位名册中没有${quote(name)}（${regionName(regionId)}），请先登记该单位或核对名称`);
      } else if (!regionText) {
        if (namesakes.length === 1) unit = namesakes[0];
        else if (namesakes.length === 0) add('name', `单位名册中没有${quote(name)}，请先登记该单位或核对名称`);
        else add('name', `单位名册中有 ${namesakes.length} 个名为${quote(name)}的单位（${namesakes.map((u) => regionName(u.regionId)).join('、')}），请填写所属旗县区`);
      }
    }

    if (!result) {
      if (cell('result').kind === 'empty') add('result', '考核结果不能为空');
    } else if (result.length > RESULT_MAX_LENGTH) add('result', `考核结果超过 ${RESULT_MAX_LENGTH} 字`);

    if (unit) {
      const earlier = firstRowOf.get(unit.id);
      if (earlier !== undefined) add('name', `与第 ${earlier} 行是同一个单位`);
      else firstRowOf.set(unit.id, row.number);
    }
    if (unit && !issues.hasRow(row.number)) writes.push({ row: row.number, unitId: unit.id, result });
  }
  return { totalRows, goodRows: writes.length, issues, writes };
}
