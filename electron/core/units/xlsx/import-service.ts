import type { ImportMode, ImportResult } from '../../../../shared/contract';
import { CatalogsStore } from '../../catalogs/catalogs-store';
import { change, type CoreContext } from '../../context';
import type { Db } from '../../vault/database';
import { UnitsStore } from '../units-store';
import { planAssessmentImport } from './assessment-rows';
import { assessmentColumns, unitColumns, type ColumnSpec } from './columns';
import type { IssueList } from './issues';
import { UNIT_SHEET } from './layout';
import { decodeUpload, openWorkbook, readImportSheet, type ImportSheet } from './sheet';
import { planUnitImport, type RegistryUnit } from './unit-rows';

interface Upload {
  fileName: string;
  base64: string;
  mode: ImportMode;
}

/** Reads the upload into the sheet to import, or fails with IMPORT_UNREADABLE. Touches no data. Shared by every spreadsheet import. */
export async function readUpload<F extends string>(base64: string, preferredSheets: readonly string[], specs: readonly ColumnSpec<F>[]): Promise<ImportSheet<F>> {
  return readImportSheet(await openWorkbook(decodeUpload(base64)), preferredSheets, specs);
}

function registrySnapshot(db: Db): RegistryUnit[] {
  return (db.prepare('SELECT id, name, region_id AS regionId FROM units').all() as RegistryUnit[]).map((u) => ({ id: u.id, name: u.name, regionId: u.regionId }));
}

/** Whether a checked file is written: `all` only when nothing is wrong, `goodRows` when any row is good. */
export function shouldWrite(mode: ImportMode, plan: { goodRows: number; issues: IssueList }): boolean {
  if (mode === 'validate' || plan.goodRows === 0) return false;
  return mode === 'goodRows' || plan.issues.count === 0;
}

export function importResult(sheet: ImportSheet<string>, plan: { totalRows: number; goodRows: number; issues: IssueList }, imported: number): ImportResult {
  return {
    sheetName: sheet.name,
    totalRows: plan.totalRows,
    goodRows: plan.goodRows,
    issues: plan.issues.listed(),
    issueCount: plan.issues.count,
    imported,
  };
}

/**
 * Imports units from a spreadsheet. The file is read and checked in full first; the check and
 * the write run in one transaction with one `unit.import` audit entry, so the registry the rows
 * were checked against is the one they are written into. `validate`, and `all` with any issue,
 * change nothing and leave no audit entry.
 */
export async function importUnits(ctx: CoreContext, input: Upload): Promise<ImportResult> {
  const sheet = await readUpload(input.base64, [UNIT_SHEET], unitColumns);
  const plan = (db: Db) => planUnitImport(sheet, new CatalogsStore(db).all(), registrySnapshot(db));
  if (input.mode === 'validate') return importResult(sheet, plan(ctx.active().vault.db), 0);

  return change(ctx, ({ vault }, record) => {
    const checked = plan(vault.db);
    if (!shouldWrite(input.mode, checked)) return importResult(sheet, checked, 0);
    const store = new UnitsStore(vault.db);
    const at = ctx.now().toISOString();
    const idOfRow = new Map<number, number>();
    for (const unit of checked.inserts) {
      const parentId = unit.parent === null ? null : 'registryId' in unit.parent ? unit.parent.registryId : idOfRow.get(unit.parent.row)!;
      idOfRow.set(unit.row, store.insert({ ...unit.fields, parentId }, at));
    }
    record({
      action: 'unit.import',
      detail: {
        fileName: input.fileName,
        sheet: sheet.name,
        mode: input.mode,
        totalRows: checked.totalRows,
        imported: checked.inserts.length,
        skippedRows: checked.totalRows - checked.inserts.length,
        issueCount: checked.issues.count,
      },
    });
    return importResult(sheet, checked, checked.inserts.length);
  });
}

/**
 * Imports one year's 党建考核 results. Same modes and guarantees as the unit import; a result
 * already recorded for a unit and that year is replaced (the audit entry counts how many).
 */
export async function importAssessments(ctx: CoreContext, input: Upload & { year: number }): Promise<ImportResult> {
  const sheet = await readUpload(input.base64, ['党建考核', `${input.year}年度党建考核`, '考核结果'], assessmentColumns);
  const plan = (db: Db) => planAssessmentImport(sheet, new CatalogsStore(db).all(), registrySnapshot(db));
  if (input.mode === 'validate') return importResult(sheet, plan(ctx.active().vault.db), 0);

  return change(ctx, ({ vault }, record) => {
    const checked = plan(vault.db);
    if (!shouldWrite(input.mode, checked)) return importResult(sheet, checked, 0);
    const store = new UnitsStore(vault.db);
    const existing = vault.db.prepare('SELECT 1 FROM unit_assessments WHERE unit_id = ? AND year = ?');
    let replaced = 0;
    for (const write of checked.writes) {
      if (existing.get(write.unitId, input.year)) replaced += 1;
      store.putAssessment(write.unitId, input.year, write.result);
    }
    record({
      action: 'unit.assessmentImport',
      detail: {
        fileName: input.fileName,
        sheet: sheet.name,
        mode: input.mode,
        year: input.year,
        totalRows: checked.totalRows,
        imported: checked.writes.length,
        replaced,
        skippedRows: checked.totalRows - checked.writes.length,
        issueCount: checked.issues.count,
      },
    });
    return importResult(sheet, checked, checked.writes.length);
  });
}
