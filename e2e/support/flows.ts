/** UI steps the specs share. Everything goes through the screen, as a user would. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Figures from the Hohhot report: the city office and its first administrator. */
export const OFFICE = { name: '呼和浩特市委巡察办', fondsCode: 'J012', level: 'city' as const };
export const ADMIN = { username: 'wangjg', displayName: '王建国', password: 'Xuncha2020ok' };
export const STAFF = { username: 'lixm', displayName: '李晓明', password: 'Chushi2020ab', newPassword: 'Xuncha2021cd' };

/** Runs the three-step wizard by keyboard (Enter submits each step); returns the recovery key. */
export async function setUpVault(page: Page, shot?: (name: string) => Promise<string>): Promise<string> {
  await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
  const office = page.getByTestId('setup-office');
  await expect(office.getByLabel('巡察机构名称')).toBeFocused();
  await page.keyboard.type(OFFICE.name);
  await office.getByLabel('全宗号').fill(OFFICE.fondsCode);
  if (shot) await shot('setup-office');
  await office.getByLabel('全宗号').press('Enter');

  const admin = page.getByTestId('setup-admin');
  await expect(admin.getByLabel('用户名')).toBeFocused();
  await page.keyboard.type(ADMIN.username);
  await admin.getByLabel('姓名').fill(ADMIN.displayName);
  await admin.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await admin.getByRole('textbox', { name: '确认密码', exact: true }).fill(ADMIN.password);
  await expect(admin.getByTestId('password-strength')).toHaveAttribute('data-strength', /fair|strong/);
  if (shot) await shot('setup-admin');
  await admin.getByRole('textbox', { name: '确认密码', exact: true }).press('Enter');

  const key = page.getByTestId('recovery-key');
  await expect(key).toBeVisible();
  const recoveryKey = (await key.getAttribute('data-key')) ?? '';
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const enter = page.getByRole('button', { name: '进入工作台' });
  await expect(enter).toBeDisabled();
  if (shot) {
    await shot('setup-recovery-key');
    // What 打印 puts on paper: only the key sheet.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-key')).toHaveText(recoveryKey.replace(/-/g, ' '));
    await shot('setup-recovery-key-print');
    await page.emulateMedia({ media: 'screen' });
  }
  await page.getByLabel('我已抄写并妥善保管恢复密钥').check();
  await expect(enter).toBeEnabled();
  await enter.click();
  await expect(page.getByTestId('home-page')).toBeVisible();
  return recoveryKey;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('sign-in');
  await expect(form).toBeVisible();
  await form.getByLabel('用户名').fill(username);
  await form.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await form.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out-button').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

export function nav(page: Page) {
  return page.getByTestId('main-nav');
}

export async function go(page: Page, label: string): Promise<void> {
  await nav(page).getByRole('button', { name: label, exact: true }).click();
  await expect(page.locator('#page-title')).toBeFocused();
}
