/**
 * Helpers of the rounds spec: calls to the core through the page's own `window.api` (for the
 * registry data the user stories take as given), and the few Mantine widgets a user drives.
 */
import type { Locator, Page } from '@playwright/test';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { expect } from './fixtures';

/** Calls a channel as the signed-in user, through the same bridge the renderer uses. */
export async function api<C extends ChannelName>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(([name, payload]) => window.api.invoke(name, payload), [channel, input] as const);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/** Hohhot's police stations (派出所) used by the spec: six in 赛罕区, three in 武川县. */
export const SAIHAN_STATIONS = ['大学路', '昭乌达路', '敕勒川路', '西把栅', '巴彦', '金河'].map((name) => `赛罕区公安分局${name}派出所`);
export const WUCHUAN_STATIONS = ['可可以力更', '哈乐', '西乌兰不浪'].map((name) => `武川县公安局${name}派出所`);
export const CITY_DEPARTMENTS = ['市审计局', '市财政局', '市医疗保障局', '市退役军人事务局'];
export const STATE_ENTERPRISE = '呼和浩特城市发展投资集团有限公司';

/**
 * The registry a round is planned against (made by the registry module; here through the core):
 * departments, a state enterprise, 9 police stations, and people of the talent pool.
 */
export async function seedRegistry(page: Page) {
  const catalogs = await api(page, 'catalogs.get', {});
  const kind = (name: string) => catalogs.unitKinds.find((entry) => entry.name === name)!.id;
  const region = (name: string) => catalogs.regions.find((entry) => entry.name === name)!.id;
  const unit = (name: string, kindName: string, regionName: string | null, partyOrgType: '党组' | '党委' | '党支部') =>
    api(page, 'units.create', { name, kindId: kind(kindName), regionId: regionName ? region(regionName) : null, partyOrgType });

  const units: Record<string, number> = {};
  for (const name of CITY_DEPARTMENTS) units[name] = (await unit(name, '市直部门', null, '党组')).id;
  units[STATE_ENTERPRISE] = (await unit(STATE_ENTERPRISE, '市属国有企业', null, '党委')).id;
  for (const name of SAIHAN_STATIONS) units[name] = (await unit(name, '派出所', '赛罕区', '党支部')).id;
  for (const name of WUCHUAN_STATIONS) units[name] = (await unit(name, '派出所', '武川县', '党支部')).id;

  const person = (name: string, fields: Omit<ChannelInput<'people.create'>, 'name'>) => api(page, 'people.create', { name, ...fields });
  const people = {
    zhangWei: await person('张伟', { unitId: units['市审计局']!, position: '副局长', rank: '二级调研员' }),
    liuYang: await person('刘洋', { unitId: units['市财政局']!, position: '监督检查科科长', rank: '一级主任科员' }),
    wangLei: await person('王磊', { unitText: '赛罕区委巡察办', position: '副主任', regionId: region('赛罕区') }),
  };
  return { catalogs, kind, region, units, people };
}

/** Opens a Mantine Select (by its input) and chooses the option with this exact label. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(select).toHaveValue(option);
}

/** Types into a searchable picker and chooses the first option that starts with `label`. */
export async function search(page: Page, picker: Locator, text: string, label: string | RegExp): Promise<void> {
  await picker.fill(text);
  const option = page.getByRole('option', { name: label }).first();
  await expect(option).toBeVisible();
  await option.click();
}

/** Types a date as people do ('2020-08-03') and moves on (which closes the calendar). */
export async function typeDate(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Tab');
}
