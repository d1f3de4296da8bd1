/**
 * `xuncha backup`, `xuncha verify-backup` and `xuncha restore` as a user runs them: child
 * processes against a real temp vault, passwords on stdin.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, tempDir, TestApp } from '../core/testing/harness';
import { Vault } from '../core/vault/vault';
import { runXuncha } from './testing/run-xuncha';

let work: string;
let vaultDir: string;
let recoveryKey: string;

beforeAll(async () => {
  work = tempDir('xuncha-backup-cli-');
  vaultDir = join(work, 'vault');
  const app = new TestApp(vaultDir);
  recoveryKey = await app.setUp();
  await app.signInAdmin();
  await app.call('accounts.create', { username: 'zhanghui', displayName: '张辉', role: 'staff', password: 'Staff2020ok' });
  app.close();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('xuncha backup, verify-backup, restore', () => {
  it('backs up, checks and restores; the old vault is kept and the restore is audited', async () => {
    const out = join(work, '备份.xbak');
    const made = await runXuncha(['backup', '--vault', vaultDir, '--out', out, '--user', ADMIN.username, '--password-stdin', '--json'], { stdin: `${ADMIN.password}\n` });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ ok: true, path: out, fileName: '备份.xbak', files: 0 });
    expect((await runXuncha(['backup', '--vault', vaultDir, '--out', out, '--user', ADMIN.username, '--password-stdin'], { stdin: `${ADMIN.password}\n` })).stderr).toContain('已存在');

    const checked = await runXuncha(['verify-backup', '--in', out, '--recovery-key', '--password-stdin'], { stdin: `${recoveryKey}\n` });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('备份完好');
    expect(checked.stdout).toContain('呼和浩特市委巡察办');

    const restored = await runXuncha(['restore', '--in', out, '--vault', vaultDir, '--user', ADMIN.username, '--password-stdin'], { stdin: `${ADMIN.password}\n` });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('恢复完成');
    const kept = readdirSync(work).filter((name) => name.startsWith('vault.before-restore-'));
    expect(kept).toHaveLength(1);
    const vault = (await Vault.openWithPassword(vaultDir, ADMIN.username, ADMIN.password))!;
    try {
      const last = vault.db.prepare('SELECT action, actor_name FROM audit_entries ORDER BY id DESC LIMIT 1').get();
      expect(last).toEqual({ action: 'backup.restore', actor_name: `${ADMIN.displayName}（${ADMIN.username}）` });
    } finally {
      vault.close();
    }
  });

  it('exits 1 for a damaged backup and 2 for refused credentials or roles, naming the reason in Chinese', async () => {
    const out = join(work, 'b.xbak');
    expect((await runXuncha(['backup', '--vault', vaultDir, '--out', out, '--user', 'zhanghui', '--password-stdin'], { stdin: 'Staff2020ok\n' })).stderr).toContain('备份需要系统管理员或档案管理员账号');
    expect(existsSync(out)).toBe(false);
    expect((await runXuncha(['backup', '--vault', vaultDir, '--out', out, '--user', ADMIN.username, '--password-stdin'], { stdin: `${ADMIN.password}\n` })).code).toBe(0);

    const wrong = await runXuncha(['verify-backup', '--in', out, '--user', ADMIN.username, '--password-stdin'], { stdin: 'Wrong2020pw\n' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('BACKUP_WRONG_CREDENTIALS');

    const bytes = readFileSync(out);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    const damaged = join(work, 'damaged.xbak');
    writeFileSync(damaged, bytes);
    const refused = await runXuncha(['restore', '--in', damaged, '--vault', join(work, 'elsewhere'), '--user', ADMIN.username, '--password-stdin'], { stdin: `${ADMIN.password}\n` });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('备份文件校验失败');
    expect(existsSync(join(work, 'elsewhere'))).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith('elsewhere'))).toEqual([]);
  });
});
