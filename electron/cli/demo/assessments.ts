/**
 * The 2019 党建考核 results of the city departments, as the 市直机关工委 sends them at the start
 * of each year (the report: 每年年初由其将上一年度市直机关党建考核结果通报市委巡察办). They go in
 * the way an office brings them in: a spreadsheet of unit name, 旗县区 and result, through
 * `units.importAssessments` (mode `all`: every row must be good or nothing is written).
 */
import ExcelJS from 'exceljs';
import { assessmentResult, KIND, MERGED_DEPARTMENTS } from './registry-data';
import type { DemoStep } from './types';
import { worldOf } from './world';

export const ASSESSMENT_YEAR = 2019;
/** The columns of the 市直机关工委 list. */
export const ASSESSMENT_HEADER = ['单位名称', '所属旗县区', '考核结果'] as const;

export async function assessmentWorkbook(rows: readonly (readonly [string, string, string])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${ASSESSMENT_YEAR}年度党建考核`);
  sheet.addRow([...ASSESSMENT_HEADER]);
  for (const row of rows) sheet.addRow([...row]);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

export const assessmentsStep: DemoStep = {
  id: 'assessments',
  title: { zh: `导入${ASSESSMENT_YEAR}年度市直机关党建考核结果`, en: `Import the ${ASSESSMENT_YEAR} Party-building assessments of the city departments` },
  async run(ctx) {
    const world = worldOf(ctx);
    const rows = world.units
      .filter((u) => u.kind === KIND.cityDept && u.active && !MERGED_DEPARTMENTS.includes(u.name))
      .map((u) => [u.name, '市本级', assessmentResult(world.random)] as const);
    const imported = await ctx.core.call('units.importAssessments', {
      fileName: `${ASSESSMENT_YEAR}年度市直机关党建考核结果.xlsx`,
      base64: await assessmentWorkbook(rows),
      year: ASSESSMENT_YEAR,
      mode: 'all',
    });
    if (imported.imported !== rows.length) {
      const first = imported.issues[0];
      throw new Error(`the ${ASSESSMENT_YEAR} assessment sheet did not import (${imported.issueCount} issues${first ? `; row ${first.row} ${first.column ?? ''}: ${first.message}` : ''})`);
    }
    ctx.summary.push({
      zh: `${ASSESSMENT_YEAR}年度党建考核结果：${imported.imported} 个市直单位`,
      en: `${ASSESSMENT_YEAR} Party-building assessments: ${imported.imported} city units`,
    });
  },
};
