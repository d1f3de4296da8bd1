import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { desktopFilePort, findOnPath } from './file-port';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in dialog tool on PATH: a real executable that records its arguments and answers
 * as the real one does (path on stdout and exit 0; exit 1 for cancel; other codes for failure).
 */
function fakeTool(name: string, answer: { stdout: string; exit: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'xuncha-dialog-'));
  dirs.push(dir);
  const log = join(dir, 'args.txt');
  const script = join(dir, name);
  writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\nprintf '%s' '${answer.stdout}'\nexit ${answer.exit}\n`);
  chmodSync(script, 0o755);
  return { env: { PATH: dir, HOME: dir }, args: () => readFileSync(log, 'utf8').trim().split('\n') };
}

describe('desktop file dialogs for the browser host', () => {
  it('has none when neither zenity nor kdialog is installed (the core then says DIALOG_UNAVAILABLE)', () => {
    const empty = mkdtempSync(join(tmpdir(), 'xuncha-dialog-'));
    dirs.push(empty);
    expect(desktopFilePort({ PATH: empty })).toBeUndefined();
    expect(findOnPath('zenity', { PATH: empty })).toBeNull();
  });

  it('asks zenity for a file to open, with the core’s title and filters, and returns its path', async () => {
    const tool = fakeTool('zenity', { stdout: '/home/zhaomin/扫描件/举报信.pdf\n', exit: 0 });
    const port = desktopFilePort(tool.env)!;
    const path = await port.chooseFileToOpen({ title: '为 八轮-线索-001 添加线索材料', filters: [{ name: 'PDF、图片', extensions: ['pdf', 'png'] }] });
    expect(path).toBe('/home/zhaomin/扫描件/举报信.pdf');
    expect(tool.args()).toEqual(['--file-selection', '--title=为 八轮-线索-001 添加线索材料', '--file-filter=PDF、图片 | *.pdf *.png']);
  });

  it('treats zenity’s exit 1 as cancel and any other failure as DIALOG_UNAVAILABLE', async () => {
    const cancelled = desktopFilePort(fakeTool('zenity', { stdout: '', exit: 1 }).env)!;
    expect(await cancelled.chooseFileToSave({ title: '另存', defaultName: 'a.pdf' })).toBeNull();
    const broken = desktopFilePort(fakeTool('zenity', { stdout: '', exit: 255 }).env)!;
    const failure = await broken.chooseFileToSave({ title: '另存', defaultName: 'a.pdf' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('DIALOG_UNAVAILABLE');
  });

  it('asks zenity to confirm before overwriting when saving, starting in the home folder', async () => {
    const tool = fakeTool('zenity', { stdout: '/tmp/copy.pdf\n', exit: 0 });
    expect(await desktopFilePort(tool.env)!.chooseFileToSave({ title: '另存 八轮-线索-001 的线索材料', defaultName: '举报信.pdf' })).toBe('/tmp/copy.pdf');
    expect(tool.args()).toContain('--confirm-overwrite');
    expect(tool.args()).toContain(`--filename=${join(tool.env.HOME, '举报信.pdf')}`);
  });

  it('falls back to kdialog', async () => {
    const tool = fakeTool('kdialog', { stdout: '/data/scan.tif\n', exit: 0 });
    expect(await desktopFilePort(tool.env)!.chooseFileToOpen({ title: 't', filters: [{ name: '图片', extensions: ['tif'] }] })).toBe('/data/scan.tif');
    expect(tool.args()).toContain('--getopenfilename');
  });
});
