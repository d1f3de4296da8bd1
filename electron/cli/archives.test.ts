/**
 * `xuncha search` and `xuncha fixity` run as a user runs them (a child process from source)
 * against a vault filed through the core.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput } from '../core/archives/archives-fixture';
import { ADMIN, signedInApp } from '../core/testing/harness';
import { runXuncha } from './testing/run-xuncha';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function filedVault() {
  const env = await signedInApp();
  cleanups.push(env.remove);
  const item = await env.app.call('archives.create', itemInput({ title: '关于巡察市审计局党组的情况报告', retention: 'Y' }));
  await env.app.call('archives.attachFile', {
    itemId: item.id,
    fileName: '报告.txt',
    mime: 'text/plain',
    base64: Buffer.from('巡察发现，该局落实全面从严治党主体责任不到位，整改台账未按期销号。').toString('base64'),
  });
  await env.app.call('archives.create', itemInput({ title: '进驻通知', kind: 'entryNotice' }));
  env.app.close();
  return { dir: env.dir, item };
}

const login = (dir: string) => ['--vault', dir, '--user', ADMIN.username, '--password-stdin'];

describe('xuncha search and fixity', () => {
  it('search prints the hits with 档号 and the matched words marked', async () => {
    const { dir, item } = await filedVault();
    const run = await runXuncha(['search', ...login(dir), '主体责任'], { stdin: `${ADMIN.password}\n` });
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 件');
    expect(run.stdout).toContain(item.archiveCode);
    expect(run.stdout).toContain('【主体责任】');
    const json = await runXuncha(['search', ...login(dir), '--json', '通知'], { stdin: `${ADMIN.password}\n` });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, total: 1, items: [{ item: { title: '进驻通知' } }] });
    expect((await runXuncha(['search', ...login(dir)], { stdin: `${ADMIN.password}\n` })).code).toBe(2);
  }, 60_000);

  it('fixity exits 0 on intact files and 1 with the 档号 of a changed one', async () => {
    const { dir, item } = await filedVault();
    const ok = await runXuncha(['fixity', ...login(dir)], { stdin: `${ADMIN.password}\n` });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('所有文件完好');
    const sub = readdirSync(join(dir, 'files')).find((name) => statSync(join(dir, 'files', name)).isDirectory())!;
    const file = join(dir, 'files', sub, readdirSync(join(dir, 'files', sub))[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 20]! ^= 0xff;
    writeFileSync(file, bytes);
    const bad = await runXuncha(['fixity', ...login(dir), '--json'], { stdin: `${ADMIN.password}\n` });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, run: { tampered: 1, findings: [{ result: 'tampered', archiveCode: item.archiveCode }] } });
  }, 60_000);
});
