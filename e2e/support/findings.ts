/**
 * Helpers of the findings spec: the round the findings belong to (made by the rounds module,
 * here through the core as the signed-in administrator), the accounts of each role, the
 * Mantine widgets a user drives, and small valid files (a PDF and a PNG) made on the spot.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { expect } from './fixtures';
import { signIn, signOut } from './flows';

/** Calls a channel as the signed-in user, through the same bridge the renderer uses. */
export async function api<C extends ChannelName>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(([name, payload]) => window.api.invoke(name, payload), [channel, input] as const);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

export interface Account {
  username: string;
  displayName: string;
  role: 'staff' | 'clueOfficer' | 'auditor';
  password: string;
  newPassword: string;
}
export const INSPECTOR: Account = { username: 'liuyang', displayName: '刘洋', role: 'staff', password: 'Chushi2020ab', newPassword: 'Xuncha2021cd' };
export const CLUE_OFFICER: Account = { username: 'zhaomin', displayName: '赵敏', role: 'clueOfficer', password: 'Chushi2020ef', newPassword: 'Xiansuo2021gh' };
export const LEADER: Account = { username: 'sunli', displayName: '孙立', role: 'auditor', password: 'Chushi2020ij', newPassword: 'Lingdao2021kl' };

export const ROUND_LABEL = '十二届市委第八轮巡察';

/**
 * 十二届市委第八轮巡察 (2020): three units in two groups, and an account for each role.
 * The rounds module's UI makes these; the findings stories take them as given.
 */
export async function seedRound8(page: Page) {
  const catalogs = await api(page, 'catalogs.get', {});
  const kind = (name: string) => catalogs.unitKinds.find((entry) => entry.name === name)!.id;
  const region = (name: string) => catalogs.regions.find((entry) => entry.name === name)!.id;
  const audit = await api(page, 'units.create', { name: '市审计局', kindId: kind('市直部门'), regionId: null, partyOrgType: '党组' });
  const finance = await api(page, 'units.create', { name: '市财政局', kindId: kind('市直部门'), regionId: null, partyOrgType: '党组' });
  const street = await api(page, 'units.create', { name: '赛罕区巴彦街道', kindId: kind('乡镇/街道'), regionId: region('赛罕区'), partyOrgType: '党委' });
  const term = await api(page, 'terms.create', { name: '十二届市委', startsOn: '2016-10-01' });
  const round = await api(page, 'rounds.create', { termId: term.id, number: 8, year: 2020, plannedStart: '2020-04-13', plannedEnd: '2020-06-12', peopleDrawn: 214 });
  const group1 = await api(page, 'groups.create', { roundId: round.id });
  const group2 = await api(page, 'groups.create', { roundId: round.id });
  const inspections = {
    audit: await api(page, 'inspections.create', { roundId: round.id, unitId: audit.id, groupId: group1.id, mode: 'routine' }),
    finance: await api(page, 'inspections.create', { roundId: round.id, unitId: finance.id, groupId: group1.id, mode: 'routine' }),
    street: await api(page, 'inspections.create', { roundId: round.id, unitId: street.id, groupId: group2.id, mode: 'routine' }),
  };
  for (const account of [INSPECTOR, CLUE_OFFICER, LEADER]) {
    await api(page, 'accounts.create', { username: account.username, displayName: account.displayName, role: account.role, password: account.password });
  }
  return { round, inspections };
}

/** First sign-in with the initial password: the forced change, then the workbench. */
export async function signInFirstTime(page: Page, account: Account): Promise<void> {
  await signIn(page, account.username, account.password);
  const dialog = page.getByRole('dialog', { name: '请修改初始密码' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: '当前密码', exact: true }).fill(account.password);
  await dialog.getByRole('textbox', { name: '新密码', exact: true }).fill(account.newPassword);
  await dialog.getByRole('textbox', { name: '确认新密码', exact: true }).fill(account.newPassword);
  await dialog.getByRole('textbox', { name: '确认新密码', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('header-user')).toContainText(account.displayName);
  await closeNotifications(page);
}

/** Notifications sit over the header's buttons (锁定, 退出登录): close them as a user would. */
export async function closeNotifications(page: Page): Promise<void> {
  const notes = page.locator('.mantine-Notification-root');
  for (let tries = 0; tries < 10 && (await notes.count()) > 0; tries += 1) {
    await notes
      .first()
      .getByRole('button')
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await page.waitForTimeout(250);
  }
  await expect(notes).toHaveCount(0);
}

/** 退出登录, once any notification is out of the way. */
export async function signOutNow(page: Page): Promise<void> {
  await closeNotifications(page);
  await signOut(page);
}

/** Opens a Mantine Select (by its input) and chooses the option with this exact label. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(select).toHaveValue(option);
}

/** Types a date as people do ('2020-05-10') and moves on, which closes the calendar. */
export async function typeDate(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Tab');
}

/** The rows of the first sheet of a downloaded workbook, as text. */
export async function readDownload(download: Download): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
  return rows;
}

/** A small but complete one-page PDF (catalog, pages, page, content stream, font, xref). */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 24 60 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width×height PNG: a red seal-like disc on paper white (RGB, 8 bit). */
export function tinyPng(width = 160, height = 100): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) {
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 2.6) ** 2;
      const [r, g, b] = inside ? [200, 30, 40] : [250, 248, 240];
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Every stored file of the vault (files/<xx>/<name>.xcf), oldest first. */
export function storedFiles(vaultDir: string): string[] {
  const root = join(vaultDir, 'files');
  const found: string[] = [];
  for (const sub of readdirSync(root)) {
    const dir = join(root, sub);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) if (name.endsWith('.xcf')) found.push(join(dir, name));
  }
  return found.sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
}

/** Flips one bit in the middle of a stored file, as damage or tampering would. */
export function flipByte(path: string): void {
  const bytes = readFileSync(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(path, bytes);
}
