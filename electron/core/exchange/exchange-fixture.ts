/**
 * Two (or three) real encrypted vaults for exchange tests: a county office with a round of
 * records, a city office, their cards registered with each other, and a file port that
 * answers the save and open dialogs with paths the test names. Only for tests.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput } from '../../../shared/contract';
import { ADMIN, tempDir, TestApp } from '../testing/harness';
import { buildFindings } from '../testing/findings-fixture';
import type { FilePort } from '../files/file-port';

export interface Office {
  app: TestApp;
  dir: string;
  /** The path the next save or open dialog answers. */
  answer(path: string | null): void;
}

export async function officeVault(office: { name: string; fondsCode: string; level: 'city' | 'county' }): Promise<Office> {
  const dir = tempDir('xuncha-exchange-');
  let next: string | null = null;
  const files: FilePort = { chooseFileToOpen: async () => next, chooseFileToSave: async () => next };
  const app = new TestApp(join(dir, 'vault'), { files });
  await app.call('vault.setup', { office, admin: { ...ADMIN } });
  await app.signInAdmin();
  return { app, dir, answer: (path) => void (next = path) };
}

export const COUNTY = { name: '土默特左旗委巡察办', fondsCode: '0201', level: 'county' } as const;
export const CITY = { name: '呼和浩特市委巡察办', fondsCode: '0123', level: 'city' } as const;

/** Registers `other`'s card at `office`, confirming the fingerprint as a person would read it. */
export async function trust(office: Office, other: Office) {
  const card = await other.app.call('exchange.card', {});
  return office.app.call('exchange.trust', { cardText: card.cardText, confirmFingerprint: card.fingerprint.match(/.{4}/g)!.join(' ') });
}

export async function countyAndCity() {
  const county = await officeVault(COUNTY);
  const city = await officeVault(CITY);
  await trust(county, city);
  await trust(city, county);
  const data = await buildFindings(county.app);
  const app = county.app;
  const p1 = await app.call('problems.create', { inspectionId: data.auditInspection.id, focus: 'corruption', description: '违规发放津贴补贴', source: 'documents' });
  const p2 = await app.call('problems.create', { inspectionId: data.auditInspection.id, focus: 'grassroots', description: '“三会一课”制度落实不到位', source: 'interview' });
  const p3 = await app.call('problems.create', { inspectionId: data.townInspection.id, focus: 'rectification', description: '上轮巡察反馈问题整改不彻底', source: 'visit' });
  await app.call('rectification.createItems', { inspectionId: data.auditInspection.id, measures: '清退违规发放的津贴', responsiblePerson: '张伟', responsibleUnit: '市审计局', deadline: '2020-12-31' });
  const cityCard = await city.app.call('exchange.card', {});
  return {
    county,
    city,
    data,
    problems: [p1, p2, p3],
    cityFingerprint: cityCard.fingerprint,
    /** Exports the county's round to the city into `name` in the county's temp folder. */
    async exportTo(name: string, extra: Partial<ChannelInput<'exchange.export'>> = {}) {
      const path = join(county.dir, name);
      county.answer(path);
      const result = await county.app.call('exchange.export', { roundId: data.round.id, to: { fingerprint: cityCard.fingerprint }, includeClues: false, ...extra });
      if (!result) throw new Error('export cancelled');
      return { path, result, bytes: readFileSync(path) };
    },
    remove() {
      for (const o of [county, city]) {
        o.app.close();
        rmSync(o.dir, { recursive: true, force: true });
      }
    },
  };
}
