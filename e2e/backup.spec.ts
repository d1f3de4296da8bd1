/**
 * 备份与恢复, end to end against the real core on a real encrypted vault: an administrator
 * backs the vault up to a "USB disk" chosen in the (test) OS dialog, checks the backup, is
 * refused a copy with one flipped byte, and restores the good one, after which the app asks
 * for a fresh sign-in and the vault opens as it was.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { ADMIN, go, setUpVault, signIn, signOut } from './support/flows';

test('an administrator backs up, checks the backup, is refused a damaged copy and restores the good one', async ({ app }) => {
  const { page, shot, dialogs } = app;
  const usb = mkdtempSync(join(tmpdir(), 'xuncha-usb-'));
  try {
    // Where the test runs the core (bridge), the vault is set up ten days ago: a week without a
    // backup has passed, and the dashboard reminds the administrator and sends her to it.
    const now = Date.now();
    app.clock?.set(new Date(now - 10 * 86_400_000).toISOString());
    await setUpVault(page);
    await expect(page.getByTestId('dashboard-rounds')).toBeVisible();
    await expect(page.getByTestId('dashboard-backup-due')).toHaveCount(0);
    if (app.clock) {
      app.clock.set(new Date(now).toISOString());
      await signOut(page);
      await signIn(page, ADMIN.username, ADMIN.password);
      await expect(page.getByTestId('dashboard-backup-due')).toContainText('还没有备份');
      // Nothing filed in the archives yet: no fixity reminder to go with it.
      await expect(page.getByTestId('dashboard-fixity-due')).toHaveCount(0);
      await shot('dashboard-backup-due');
      await page.getByTestId('dashboard-backup-due').getByRole('button').click();
      await expect(page.getByTestId('settings-page')).toBeVisible();
    } else {
      await go(page, '设置');
    }
    await page.getByTestId('tab-backup').click();
    const panel = page.getByTestId('backup-panel');
    await expect(panel.getByTestId('backup-last')).toContainText('尚未备份');
    await shot('backup-panel-never');

    // ---- 立即备份 ----------------------------------------------------------------------------
    const target = join(usb, '巡察工作台备份.xbak');
    await dialogs.answerNextSave({ path: target });
    await panel.getByTestId('backup-create').click();
    const outcome = panel.getByTestId('backup-outcome');
    await expect(outcome).toContainText(`备份已保存：${target}`, { timeout: 60_000 });
    await expect(panel.getByTestId('backup-last')).toContainText('今天');
    expect(statSync(target).size).toBeGreaterThan(4096);
    await go(page, '首页');
    await expect(page.getByTestId('dashboard-rounds')).toBeVisible();
    await expect(page.getByTestId('dashboard-backup-due')).toHaveCount(0);
    await go(page, '设置');
    await page.getByTestId('tab-backup').click();
    // The vault's own bytes never appear in clear: the SQLCipher header is not "SQLite format 3".
    expect(readFileSync(target).includes(Buffer.from('SQLite format 3'))).toBe(false);
    await shot('backup-created');

    // ---- 校验 --------------------------------------------------------------------------------
    await dialogs.answerNextOpen({ path: target });
    await panel.getByTestId('backup-verify').click();
    await expect(outcome).toContainText('备份文件完好', { timeout: 60_000 });
    await expect(panel.getByTestId('backup-summary')).toBeVisible();
    await shot('backup-verified');

    // One flipped byte in the middle of a copy: refused with a plain message, nothing changes.
    const damaged = join(usb, '损坏的备份.xbak');
    const bytes = readFileSync(target);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(damaged, bytes);
    await dialogs.answerNextOpen({ path: damaged });
    await panel.getByTestId('backup-verify').click();
    await expect(panel.getByRole('alert').filter({ hasText: '备份文件校验失败' })).toBeVisible({ timeout: 60_000 });
    await shot('backup-damaged');

    // ---- 恢复 --------------------------------------------------------------------------------
    await dialogs.answerNextOpen({ path: target });
    await panel.getByTestId('backup-restore').click();
    const confirm = page.getByTestId('restore-dialog');
    await expect(confirm).toBeVisible({ timeout: 60_000 });
    await expect(confirm.getByTestId('restore-submit')).toBeDisabled();
    await confirm.getByTestId('credentials-password').fill(ADMIN.password);
    await confirm.getByTestId('restore-confirm-word').fill('恢复');
    await shot('backup-restore-confirm');
    await confirm.getByTestId('restore-submit').click();
    const restored = page.getByTestId('backup-restored');
    await expect(restored).toBeVisible({ timeout: 60_000 });
    await shot('backup-restored');
    await restored.getByTestId('backup-restored-sign-in').click();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByTestId('sign-in')).toBeHidden();
    await go(page, '设置');
    await page.getByTestId('tab-backup').click();
    // The restored vault is the one backed up, with its record of that backup.
    await expect(page.getByTestId('backup-panel').getByTestId('backup-last')).toContainText('今天');
  } finally {
    rmSync(usb, { recursive: true, force: true });
  }
});
