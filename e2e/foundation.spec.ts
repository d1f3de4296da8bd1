/**
 * The foundation, end to end, against the real core on a real encrypted vault: first-run setup,
 * sign-in, lock, audit, roles, language, recovery, accounts, idle lock and sign-in throttling.
 * Runs on the Chromium bridge here, and under Electron where its binary exists.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ADMIN, OFFICE, STAFF, go, nav, setUpVault, signIn, signOut } from './support/flows';

async function createAccount(page: Page, account: { username: string; displayName: string; password: string }, role?: string) {
  await page.getByTestId('account-create').click();
  const form = page.getByTestId('account-create-form');
  await expect(form.getByLabel('用户名')).toBeFocused();
  await form.getByLabel('用户名').fill(account.username);
  await form.getByLabel('姓名').fill(account.displayName);
  if (role) {
    await form.getByTestId('account-role').click();
    await page.getByRole('option', { name: role, exact: true }).click();
  }
  await form.getByRole('textbox', { name: '初始密码', exact: true }).fill(account.password);
  await form.getByRole('textbox', { name: '初始密码', exact: true }).press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('accounts-table').locator(`tr[data-username="${account.username}"]`)).toBeVisible();
}

async function openAccounts(page: Page) {
  await go(page, '设置');
  await page.getByRole('tab', { name: '账号管理' }).click();
  await expect(page.getByTestId('accounts-panel')).toBeVisible();
}

test('setup, failed and good sign-in, lock and unlock, audit log verified', async ({ app }) => {
  const { page, shot } = app;

  const recoveryKey = await setUpVault(page, shot);
  expect(recoveryKey).not.toBe('');

  // 首页: office, user and role.
  await expect(page.getByTestId('home-office-name')).toHaveText(OFFICE.name);
  await expect(page.getByTestId('home-role')).toHaveText('系统管理员');
  await expect(page.getByTestId('header-user')).toContainText(ADMIN.displayName);
  await expect(nav(page).getByRole('button', { name: '审计' })).toBeVisible();
  await shot('home');

  // The archives page opens on the round dossier (no round yet: it says to choose one).
  await go(page, '档案');
  await expect(page.getByTestId('archives-page')).toContainText('请先选择轮次');
  await shot('archives-empty');

  await signOut(page);
  await shot('sign-in');

  // Wrong password: the Chinese message, inline; the username stays.
  await signIn(page, ADMIN.username, 'Wrong-password-1');
  await expect(page.getByTestId('error-alert')).toContainText('用户名或密码错误');
  await expect(page.getByTestId('sign-in').getByLabel('用户名')).toHaveValue(ADMIN.username);
  await shot('sign-in-wrong-password');

  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('home-page')).toBeVisible();

  // Lock by the button, unlock with the password.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('locked-user')).toHaveText(`${ADMIN.displayName}（${ADMIN.username}）`);
  await expect(page.getByTestId('lock-screen').getByRole('textbox', { name: '密码', exact: true })).toBeFocused();
  await shot('lock-screen');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('home-page')).toBeVisible();

  // Ctrl+L locks from anywhere, even while typing in a field.
  await go(page, '审计');
  await page.getByTestId('audit-filter-actor').click();
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  // Back where the user was.
  await expect(page.getByTestId('audit-page')).toBeVisible();

  // The audit log has every event, in Chinese.
  await page.getByRole('button', { name: '重置' }).click();
  const table = page.getByTestId('audit-table');
  for (const [action, label] of [
    ['vault.create', '建立数据库'],
    ['account.create', '新建账号'],
    ['session.signIn', '登录'],
    ['session.signOut', '退出登录'],
    ['session.signInFailed', '登录失败'],
    ['session.lock', '锁定'],
    ['session.unlock', '解锁'],
  ] as const) {
    await expect(table.locator(`tr[data-action="${action}"]`).first(), action).toContainText(label);
  }
  const failed = table.locator('tr[data-action="session.signInFailed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('失败');
  await expect(failed).toContainText(ADMIN.username);
  await expect(table.locator('tr[data-action="session.lock"]').first()).toContainText('手动锁定');
  await expect(table.locator('tr[data-action="session.lock"]')).toHaveCount(2);
  await expect(table.locator('tr[data-action="session.unlock"]')).toHaveCount(2);

  await page.getByTestId('audit-verify').click();
  const verdict = page.getByTestId('audit-verify-result');
  await expect(verdict).toHaveAttribute('data-ok', 'true');
  await expect(verdict).toContainText(/✓ 日志完整：\d+ 条记录均未被改动/);
  // Verifying is itself audited.
  await expect(table.locator('tr[data-action="audit.verify"]')).toHaveCount(1);
  await shot('audit-log');

  // Filter by action (Chinese labels in the select).
  await page.getByTestId('audit-filter-action').click();
  await page.getByRole('option', { name: '登录失败', exact: true }).click();
  await expect(page.getByTestId('audit-total')).toHaveText('共 1 条');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await shot('audit-filtered');
});

test('a staff account made by the admin cannot see the audit page', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await openAccounts(page);
  await createAccount(page, STAFF);
  const row = page.getByTestId('accounts-table').locator(`tr[data-username="${STAFF.username}"]`);
  await expect(row).toContainText('巡察干部');
  await expect(row).toContainText('待修改初始密码');
  await shot('accounts');

  await signOut(page);
  await signIn(page, STAFF.username, STAFF.password);

  // First sign-in with an initial password: a forced change.
  const dialog = page.getByRole('dialog', { name: '请修改初始密码' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '当前密码', exact: true })).toBeFocused();
  await shot('forced-password-change');
  await dialog.getByRole('textbox', { name: '当前密码', exact: true }).fill(STAFF.password);
  await dialog.getByRole('textbox', { name: '新密码', exact: true }).fill(STAFF.newPassword);
  await dialog.getByRole('textbox', { name: '确认新密码', exact: true }).fill(STAFF.newPassword);
  await dialog.getByRole('textbox', { name: '确认新密码', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('home-role')).toHaveText('巡察干部');
  await expect(nav(page).getByRole('button', { name: '轮次' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: '设置' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: '审计' })).toHaveCount(0);
  await shot('staff-home');

  // No accounts tab, no idle setting for staff.
  await go(page, '设置');
  await expect(page.getByRole('tab', { name: '账号管理' })).toHaveCount(0);
  await expect(page.getByTestId('idle-minutes')).toBeDisabled();
  await shot('staff-settings');

  // Hidden is not the protection: the core refuses the channel itself.
  const result = await page.evaluate(() => window.api.invoke('audit.list', { page: 1, pageSize: 20 }));
  expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
});

test('switching to English changes the labels and is remembered', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(nav(page).getByRole('button', { name: 'Home', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Audit', exact: true })).toBeVisible();
  await expect(page.getByTestId('lock-button')).toHaveText('Lock');
  await expect(page.getByTestId('home-role')).toHaveText('Administrator');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot('home-english');

  await nav(page).getByRole('button', { name: 'Audit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('audit-table').locator('tr[data-action="settings.update"]').first()).toContainText(
    'Settings changed',
  );
  await shot('audit-english');

  // Signed out: the sign-in screen stays English (this machine remembers it) …
  await page.getByTestId('sign-out-button').click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await shot('sign-in-english');
  // … and the office setting (settings.update) brings it back after sign-in.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(nav(page).getByRole('button', { name: 'Home', exact: true })).toBeVisible();

  await page.getByTestId('language-switch').getByText('中文').click();
  await expect(nav(page).getByRole('button', { name: '首页', exact: true })).toBeVisible();
});

test('the recovery key resets the administrator password', async ({ app }) => {
  const { page, shot } = app;
  const recoveryKey = await setUpVault(page);
  await signOut(page);

  await page.getByRole('button', { name: '忘记密码？' }).click();
  const form = page.getByTestId('recovery');
  await expect(form.getByLabel('恢复密钥')).toBeFocused();
  const newPassword = 'Huifu2026xyz';

  // A wrong key is refused in Chinese and nothing typed is lost.
  await form.getByLabel('恢复密钥').fill('0000-0000-0000-0000-0000-0000-0000-0000');
  await form.getByLabel('系统管理员用户名').fill(ADMIN.username);
  await form.getByRole('textbox', { name: '新密码', exact: true }).fill(newPassword);
  await form.getByRole('textbox', { name: '确认新密码', exact: true }).fill(newPassword);
  await form.getByRole('textbox', { name: '确认新密码', exact: true }).press('Enter');
  await expect(form.getByTestId('error-alert')).toContainText('恢复密钥不正确');
  await expect(form.getByLabel('系统管理员用户名')).toHaveValue(ADMIN.username);
  await shot('recovery-wrong-key');

  // The real key, typed loosely (lower case, spaces instead of hyphens).
  await form.getByLabel('恢复密钥').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await form.getByRole('textbox', { name: '确认新密码', exact: true }).press('Enter');

  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('密码已重设');
  await expect(page.getByTestId('sign-in').getByLabel('用户名')).toHaveValue(ADMIN.username);
  await shot('sign-in-after-recovery');

  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('error-alert')).toContainText('用户名或密码错误');
  await signIn(page, ADMIN.username, newPassword);
  await expect(page.getByTestId('home-page')).toBeVisible();

  await go(page, '审计');
  await expect(page.getByTestId('audit-table').locator('tr[data-action="session.recover"]')).toContainText(
    '用恢复密钥重设密码',
  );
});

test('accounts: edit, disable with confirmation, enable with a new password, reset password', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await openAccounts(page);
  await createAccount(page, { username: 'zhaoda', displayName: '赵达', password: 'Dangan2020a1' }, '档案管理员');
  const row = page.getByTestId('accounts-table').locator('tr[data-username="zhaoda"]');
  await expect(row).toContainText('档案管理员');

  // The administrator's own row cannot be disabled.
  const own = page.getByTestId('accounts-table').locator(`tr[data-username="${ADMIN.username}"]`);
  await expect(own.getByRole('button', { name: '停用' })).toBeDisabled();

  // Edit name and role.
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByTestId('account-edit-form');
  await edit.getByLabel('姓名').fill('赵大为');
  await edit.getByRole('combobox', { name: '角色' }).click();
  await page.getByRole('option', { name: '线索管理员', exact: true }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('赵大为');
  await expect(row).toContainText('线索管理员');

  // Disable asks first.
  await row.getByRole('button', { name: '停用' }).click();
  const confirm = page.getByRole('dialog', { name: '停用账号' });
  await expect(confirm).toContainText('赵大为（zhaoda）');
  await shot('disable-confirmation');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(row).toContainText('正常');
  await row.getByRole('button', { name: '停用' }).click();
  await confirm.getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');

  // Enabling needs a new password (the old key wrap was destroyed).
  await row.getByRole('button', { name: '启用' }).click();
  const enable = page.getByTestId('account-enable-form');
  await enable.getByRole('textbox', { name: '新密码', exact: true }).fill('short1');
  await enable.getByRole('textbox', { name: '新密码', exact: true }).press('Enter');
  await expect(enable).toContainText('密码至少8位，且须包含字母和数字');
  await enable.getByRole('textbox', { name: '新密码', exact: true }).fill('Xiansuo2026b2');
  await shot('enable-account');
  await enable.getByRole('textbox', { name: '新密码', exact: true }).press('Enter');
  await expect(enable).toBeHidden();
  await expect(row).toContainText('正常');
  await expect(row).toContainText('待修改初始密码');

  // Reset password.
  await row.getByRole('button', { name: '重设密码' }).click();
  const reset = page.getByTestId('account-reset-form');
  await reset.getByRole('textbox', { name: '新密码', exact: true }).fill('Chongshe2026c3');
  await reset.getByRole('textbox', { name: '新密码', exact: true }).press('Enter');
  await expect(reset).toBeHidden();
  await shot('accounts-after-changes');

  // A duplicate username is refused with the core's code, translated; the form keeps its values.
  await page.getByTestId('account-create').click();
  const create = page.getByTestId('account-create-form');
  await create.getByLabel('用户名').fill('zhaoda');
  await create.getByLabel('姓名').fill('另一个赵达');
  await create.getByRole('textbox', { name: '初始密码', exact: true }).fill('Dangan2020a1');
  await create.getByRole('textbox', { name: '初始密码', exact: true }).press('Enter');
  await expect(create.getByTestId('error-alert')).toContainText('该用户名已被使用');
  await expect(create.getByLabel('姓名')).toHaveValue('另一个赵达');
  await shot('create-account-duplicate');
  await create.getByRole('button', { name: '取消' }).click();

  // Every change is in the audit log.
  await go(page, '审计');
  const table = page.getByTestId('audit-table');
  for (const action of ['account.update', 'account.disable', 'account.enable', 'account.passwordReset']) {
    await expect(table.locator(`tr[data-action="${action}"]`), action).toHaveCount(1);
  }
  await expect(table.locator('tr[data-action="account.update"]')).toContainText('角色：档案管理员 → 线索管理员');
});

test('idle lock after the configured minutes', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await go(page, '设置');
  await page.getByTestId('idle-minutes').fill('1');
  await page.getByTestId('idle-minutes').press('Enter');
  await expect(page.getByText('设置已保存')).toBeVisible();

  // Take over the page's clock, then let a minute and a bit pass with no input.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('home-page')).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await shot('idle-locked');
  await page.getByTestId('lock-screen').getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('home-page')).toBeVisible();

  await go(page, '审计');
  await expect(page.getByTestId('audit-table').locator('tr[data-action="session.lock"]').first()).toContainText(
    '闲置自动锁定',
  );
});

test('repeated wrong passwords slow sign-in down, with the seconds shown', async ({ app }) => {
  const { page, shot } = app;
  await setUpVault(page);
  await signOut(page);
  const form = page.getByTestId('sign-in');
  const submit = form.getByRole('button', { name: '登录' });

  // Three free attempts; the third failure starts a delay that the screen counts down.
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await expect(submit).toBeEnabled({ timeout: 15_000 });
    await signIn(page, ADMIN.username, `Wrong-${attempt}-pass`);
    await expect(form.getByTestId('error-alert')).toContainText('用户名或密码错误');
  }
  await expect(form.getByTestId('throttle-message')).toContainText(/请在 \d+ 秒后再试/);
  await expect(submit).toBeDisabled();
  await shot('sign-in-throttled');

  // Reloading does not get round it: the core itself refuses and says how long to wait.
  await page.reload();
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(form.getByTestId('error-alert')).toHaveAttribute('data-error-code', 'SIGNIN_THROTTLED');
  await expect(form.getByTestId('throttle-message')).toContainText(/请在 \d+ 秒后再试/);

  // Once the wait is over, the right password works.
  await expect(submit).toBeEnabled({ timeout: 15_000 });
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('home-page')).toBeVisible();
});
