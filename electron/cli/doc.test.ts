/**
 * `xuncha doc feedback`, run as a child process against a real vault made through the core: the
 * PDF it writes is read back with pdfjs (pages, the 份号 of each copy), the register and the audit
 * log record the export, and refusals write no file.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../core/documents/engine/pdf-reader';
import { buildFindings, PASSWORD as ROLE_PASSWORD } from '../core/testing/findings-fixture';
import { ADMIN, TestApp, tempDir } from '../core/testing/harness';
import { runXuncha } from './testing/run-xuncha';

let dir: string;
let out: string;
let inspections: { audit: number; town: number };

beforeAll(async () => {
  dir = tempDir('xuncha-doc-');
  out = tempDir('xuncha-doc-out-');
  const app = new TestApp(dir);
  await app.setUp();
  await app.signInAdmin();
  const fixture = await buildFindings(app);
  // The township inspection comes second but is the only one with problems: `first` must find it.
  for (let i = 1; i <= 30; i += 1) {
    await app.call('problems.create', {
      inspectionId: fixture.townInspection.id,
      focus: (['corruption', 'grassroots', 'rectification'] as const)[i % 3]!,
      description: `第${i}个问题：村级财务管理不规范，部分村集体资金支出未经“四议两公开”程序，涉及金额${i * 3}.5万元，群众反映较多。`,
      source: 'documents',
    });
  }
  inspections = { audit: fixture.auditInspection.id, town: fixture.townInspection.id };
  app.close();
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const doc = (args: string[], password: string = ADMIN.password) => runXuncha(['doc', 'feedback', '--vault', dir, '--password-stdin', ...args], { stdin: `${password}\n` });

describe('xuncha doc feedback', () => {
  it('--inspection first writes the letter of the first inspection with problems, several pages, each copy with its own 份号', async () => {
    const file = join(out, '反馈意见.pdf');
    const run = await doc(['--inspection', 'first', '--out', file, '--copies', '2', '--json']);
    expect(run.stderr).not.toMatch(/错误|Error/);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { inspectionId: number; pagesPerCopy: number; totalPages: number; copyNumbers: string[]; drafted: boolean; fonts: unknown[] };
    expect(json).toMatchObject({ inspectionId: inspections.town, drafted: true, copyNumbers: ['000001', '000002'] });
    expect(json.pagesPerCopy).toBeGreaterThan(2);

    const read = await readPdf(new Uint8Array(readFileSync(file)));
    // Each copy starts on a new sheet: a blank page follows a copy of an odd number of pages.
    const stride = json.pagesPerCopy + (json.pagesPerCopy % 2);
    expect(read.pages).toHaveLength(json.totalPages);
    expect(json.totalPages).toBe(stride + json.pagesPerCopy);
    expect(read.pages[0]!.lines[0]!.text.trim()).toBe('000001');
    expect(read.pages[stride]!.lines[0]!.text.trim()).toBe('000002');
    expect(read.pages.map((p) => p.lines.map((l) => l.text).join('')).join('')).toContain('金河镇党委');
    // Written to a temp name and renamed: nothing else is left in the folder.
    expect(readdirSync(out)).toEqual(['反馈意见.pdf']);
  });

  it('prints the same letter again with the next numbers, and says so on the terminal', async () => {
    const file = join(out, 'again.pdf');
    const run = await doc(['--inspection', String(inspections.town), '--out', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('份号 Copy nos:  000003–000003');
    expect(run.stdout).toMatch(/第1版，草稿 draft/);
    expect(run.stdout).not.toContain('新起草');
    expect(existsSync(file)).toBe(true);
  });

  it('refuses bad options, an unknown inspection and a role that may not print 秘密 copies, writing no file', async () => {
    const file = join(out, 'refused.pdf');
    const noKind = await runXuncha(['doc', '--vault', dir], { stdin: `${ADMIN.password}\n` });
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('xuncha doc feedback');
    expect((await doc(['--inspection', 'x1', '--out', file])).stderr).toContain('--inspection 应为巡察任务编号或 first');
    expect((await doc(['--inspection', 'first', '--out', file, '--copies', '501'])).stderr).toContain('--copies 应为 1 至 500');
    const missing = await doc(['--inspection', '999', '--out', file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('巡察任务不存在');
    const staff = await doc(['--inspection', String(inspections.town), '--out', file, '--user', 'staff'], ROLE_PASSWORD);
    expect(staff.code).toBe(2);
    expect(staff.stderr).toContain('CLASSIFIED_PRINT_DENIED');
    expect(existsSync(file)).toBe(false);
  });
});
