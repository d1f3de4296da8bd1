/**
 * The `xuncha` command, run as a child process against real temporary vaults. New seals use
 * the test scrypt cost (XUNCHA_TEST_SCRYPT=1) except in the init test, which keeps the default.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_COST } from '../core/index';
import { Vault } from '../core/vault/vault';
import { runNode, runXuncha, sha256File, type CliRun } from './testing/run-xuncha';

const PASSWORD = 'Huhehaote2020';
const RECOVERY_ROW = /^\s+[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/gm;

let work: string;
let fixture: string;
let demoRun: CliRun;
let counter = 0;

/** A fresh copy of the demo vault made once in beforeAll. */
function demoVault(): string {
  const dir = join(work, `vault-${++counter}`);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

function verify(dir: string, extra: string[] = [], user = 'admin', password = PASSWORD) {
  return runXuncha(['verify', '--vault', dir, '--user', user, '--password-stdin', ...extra], { stdin: `${password}\n` });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'xuncha-cli-'));
  fixture = join(work, 'demo');
  demoRun = await runXuncha(['demo', '--vault', fixture, '--password-stdin'], { stdin: `${PASSWORD}\n` });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('xuncha demo', () => {
  it('creates the demo vault, prints the recovery key once and the accounts, and verify then exits 0', async () => {
    expect(demoRun.stderr).not.toMatch(/Error|错误/);
    expect(demoRun.code).toBe(0);
    expect(demoRun.stdout).toContain('呼和浩特市委巡察办');
    expect(demoRun.stdout).toContain('0123');
    expect(demoRun.stdout.match(RECOVERY_ROW)).toHaveLength(2);
    expect(demoRun.stdout).toContain('恢复密钥');
    expect(demoRun.stdout).toContain('Write this key down');
    for (const name of ['admin', 'zhanghui', 'liqiang', 'zhaoyan', 'gaozhiyuan']) expect(demoRun.stdout).toContain(name);
    for (const role of ['系统管理员', '巡察干部', '线索管理员', '档案管理员', '领导/审计']) expect(demoRun.stdout).toContain(role);
    expect(demoRun.stdout).not.toContain(PASSWORD);

    const result = await verify(demoVault());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('完整性 Integrity:    通过 ok');
    expect(result.stdout).toContain('数据库完好');
  });

  it('makes every role sign in with the same password, all but the administrator flagged to change it', async () => {
    const dir = demoVault();
    const vault = await Vault.openWithPassword(dir, 'gaozhiyuan', PASSWORD);
    expect(vault).not.toBeNull();
    try {
      const rows = vault!.db.prepare('SELECT username, role, must_change_password AS must FROM accounts ORDER BY id').all();
      expect(rows).toEqual([
        { username: 'admin', role: 'admin', must: 0 },
        { username: 'zhanghui', role: 'staff', must: 1 },
        { username: 'liqiang', role: 'clueOfficer', must: 1 },
        { username: 'zhaoyan', role: 'archivist', must: 1 },
        { username: 'gaozhiyuan', role: 'auditor', must: 1 },
      ]);
      const office = vault!.db.prepare('SELECT name, fonds_code, level FROM office').get();
      expect(office).toEqual({ name: '呼和浩特市委巡察办', fonds_code: '0123', level: 'city' });
    } finally {
      vault!.close();
    }
  });

  it('--json gives the recovery key and the accounts', async () => {
    const dir = join(work, 'demo-json');
    const result = await runXuncha(['demo', '--vault', dir, '--password-stdin', '--json'], { stdin: `${PASSWORD}\n` });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.ok).toBe(true);
    expect(parsed.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(parsed.accounts.map((a: { role: string }) => a.role)).toEqual(['admin', 'staff', 'clueOfficer', 'archivist', 'auditor']);
  });

  it('refuses a folder that already holds a vault, and a weak password', async () => {
    const again = await runXuncha(['demo', '--vault', fixture, '--password-stdin'], { stdin: `${PASSWORD}\n` });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('数据库已存在');

    const dir = join(work, 'weak');
    const weak = await runXuncha(['demo', '--vault', dir, '--password-stdin'], { stdin: 'short\n' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码至少8位');
    expect(existsSync(join(dir, 'vault.db'))).toBe(false);
  });
});

describe('xuncha verify', () => {
  it('--json reports a sound vault', async () => {
    const result = await verify(demoVault(), ['--json'], 'gaozhiyuan');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ ok: true, integrity: { ok: true, faults: [] }, audit: { ok: true, firstBroken: null }, firstFault: null });
    expect(parsed.audit.checked).toBeGreaterThanOrEqual(8);
  });

  it('exits 1 naming the entry when one audit row was changed with the key', async () => {
    const dir = demoVault();
    const vault = await Vault.openWithPassword(dir, 'admin', PASSWORD);
    try {
      vault!.db.exec('DROP TRIGGER audit_entries_no_update');
      const changed = vault!.db
        .prepare('UPDATE audit_entries SET detail = ? WHERE id = 5')
        .run(JSON.stringify({ username: 'liqiang', displayName: '李强', role: 'admin' }));
      expect(changed.changes).toBe(1);
    } finally {
      vault!.close();
    }

    const human = await verify(dir);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('审计日志第 5 条记录被篡改 (hash)');
    expect(human.stdout).toContain('Audit log entry 5 has been altered (hash)');

    const json = await verify(dir, ['--json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.audit.firstBroken).toEqual({ id: 5, reason: 'hash' });
    expect(parsed.firstFault).toMatchObject({ kind: 'audit', id: 5, reason: 'hash' });
  });

  it('exits 1 naming the gap when an audit row was deleted', async () => {
    const dir = demoVault();
    const vault = await Vault.openWithPassword(dir, 'admin', PASSWORD);
    try {
      vault!.db.exec('DROP TRIGGER audit_entries_no_delete');
      vault!.db.prepare('DELETE FROM audit_entries WHERE id = 4').run();
    } finally {
      vault!.close();
    }
    const result = await verify(dir, ['--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).audit.firstBroken).toEqual({ id: 5, reason: 'gap' });
  });

  it('exits 2 with 用户名或密码错误 on a wrong password and leaves the vault file unchanged', async () => {
    const dir = demoVault();
    const before = { db: sha256File(join(dir, 'vault.db')), keys: sha256File(join(dir, 'keys.json')) };
    const result = await verify(dir, [], 'admin', 'Wrong2020pass');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('用户名或密码错误');
    expect(result.stderr).toContain('WRONG_CREDENTIALS');
    expect(result.stdout).toBe('');
    expect(sha256File(join(dir, 'vault.db'))).toBe(before.db);
    expect(sha256File(join(dir, 'keys.json'))).toBe(before.keys);

    const json = await verify(dir, ['--json'], 'nobody', 'Wrong2020pass');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: '用户名或密码错误' } });
    expect(sha256File(join(dir, 'vault.db'))).toBe(before.db);
  });

  it('exits 2 when the role may not verify', async () => {
    const result = await verify(demoVault(), [], 'zhanghui');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('当前角色无权进行此操作');
  });

  it('exits 2 for a missing vault and for missing options', async () => {
    const missing = await verify(join(work, 'nothing-here'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('尚未建立数据库');

    const noUser = await runXuncha(['verify', '--vault', fixture, '--password-stdin'], { stdin: `${PASSWORD}\n` });
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('缺少 --user');
  });

  it('without a terminal and without --password-stdin, says how to give the password', async () => {
    const result = await runXuncha(['verify', '--vault', fixture, '--user', 'admin']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('标准输入不是终端');
    expect(result.stderr).toContain('--password-stdin');
  });
});

describe('passwords in argv', () => {
  it.each([
    ['verify', '--password', 'Secret2020x'],
    ['verify', '--password=Secret2020x'],
    ['demo', '-p', 'Secret2020x'],
    ['init', '--admin-password', 'Secret2020x'],
  ])('refuses %s %s', async (command, ...rest) => {
    const dir = join(work, `refused-${++counter}`);
    const result = await runXuncha([command, '--vault', dir, '--user', 'admin', ...rest]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不接受在命令行参数中给出密码');
    expect(result.stderr).toContain('--password-stdin');
    expect(result.stderr + result.stdout).not.toContain('Secret2020x');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('xuncha init', () => {
  it('creates a vault with the default scrypt cost that verify then accepts', async () => {
    const dir = join(work, 'init');
    const created = await runXuncha(
      ['init', '--vault', dir, '--office', '托克托县委巡察办', '--fonds', 'T017', '--level', 'county', '--admin', 'admin', '--admin-name', '刘文斌', '--password-stdin'],
      { stdin: `${PASSWORD}\n`, testScrypt: false },
    );
    expect(created.stderr).toBe('正在建立加密数据库… Creating the encrypted vault…\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('托克托县委巡察办');
    expect(created.stdout.match(RECOVERY_ROW)).toHaveLength(2);

    const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as { seals: { kind: string; kdf: { N?: number } }[] };
    expect(keys.seals.find((s) => s.kind === 'password')?.kdf.N).toBe(DEFAULT_SCRYPT_COST.N);

    const result = await runXuncha(['verify', '--vault', dir, '--user', 'admin', '--password-stdin', '--json'], {
      stdin: `${PASSWORD}\n`,
      testScrypt: false,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, office: { name: '托克托县委巡察办', fondsCode: 'T017', level: 'county' } });
  });

  it('names the missing options when it cannot ask, and rejects bad ones, creating nothing', async () => {
    const dir = join(work, 'init-missing');
    const missing = await runXuncha(['init', '--vault', dir, '--office', '新城区委巡察办', '--password-stdin'], { stdin: `${PASSWORD}\n` });
    expect(missing.code).toBe(2);
    for (const option of ['--fonds', '--level', '--admin', '--admin-name']) expect(missing.stderr).toContain(option);
    expect(missing.stderr).not.toContain('--office（');

    const bad = await runXuncha(
      ['init', '--vault', dir, '--office', '新城区委巡察办', '--fonds', '01-23', '--level', 'city', '--admin', 'admin', '--admin-name', '王建军', '--password-stdin'],
      { stdin: `${PASSWORD}\n` },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fonds');
    expect(bad.stderr).toContain('全宗号为1至10位字母或数字');

    const level = await runXuncha(
      ['init', '--vault', dir, '--office', '新城区委巡察办', '--fonds', '0123', '--level', 'province', '--admin', 'admin', '--admin-name', '王建军', '--password-stdin'],
      { stdin: `${PASSWORD}\n` },
    );
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--level');
    expect(existsSync(join(dir, 'vault.db'))).toBe(false);
  });
});

describe('help and usage', () => {
  it.each(['init', 'verify', 'demo'])('%s --help is Chinese first, then English', async (command) => {
    const result = await runXuncha([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('用法 Usage:')).toBe(true);
    expect(result.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(result.stdout).toContain('--password-stdin');
    const firstChinese = result.stdout.search(/^(建立|登录后)/m);
    const firstEnglish = result.stdout.search(/^(Creates|Signs in)/m);
    expect(firstChinese).toBeGreaterThan(0);
    expect(firstEnglish).toBeGreaterThan(firstChinese);
  });

  it('lists the commands, and refuses an unknown command or option with exit 2', async () => {
    const help = await runXuncha(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'verify', 'demo']) expect(help.stdout).toContain(command);

    expect((await runXuncha([])).code).toBe(2);
    const unknown = await runXuncha(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
    const option = await runXuncha(['verify', '--vault', fixture, '--user', 'admin', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('无法识别的选项');
  });

  it('bin/xuncha.mjs says to run npm run build when the built CLI is missing', async () => {
    const dir = join(work, 'unbuilt');
    mkdirSync(join(dir, 'bin'), { recursive: true });
    copyFileSync(join(import.meta.dirname, '../../bin/xuncha.mjs'), join(dir, 'bin', 'xuncha.mjs'));
    const result = await runNode([join(dir, 'bin', 'xuncha.mjs'), '--help'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run build');
    expect(result.stderr).toContain('找不到已构建的命令行程序');
  });
});
