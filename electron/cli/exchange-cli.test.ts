/**
 * `xuncha office-card`, `trust-office`, `export-package` and `import-package` as a user runs
 * them: child processes against two real vaults (a county and the city), passwords on stdin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyAndCity } from '../core/exchange/exchange-fixture';
import { ADMIN } from '../core/testing/harness';
import { runXuncha } from './testing/run-xuncha';

let pair: Awaited<ReturnType<typeof countyAndCity>>;
let roundId: number;
const asAdmin = { stdin: `${ADMIN.password}\n` };
const vault = (o: { dir: string }) => join(o.dir, 'vault');

beforeAll(async () => {
  pair = await countyAndCity();
  roundId = pair.data.round.id;
  // The CLI opens the vaults itself.
  pair.county.app.close();
  pair.city.app.close();
}, 60_000);

afterAll(() => pair.remove());

const sign = ['--user', ADMIN.username, '--password-stdin'];

describe('xuncha export-package and import-package', () => {
  it('exports to a card file, shows the dry-run diff, imports once, and a second import changes nothing', async () => {
    const cardFile = join(pair.city.dir, 'city-card.txt');
    const card = await runXuncha(['office-card', '--vault', vault(pair.city), ...sign, '--out', cardFile], asAdmin);
    expect(card.code).toBe(0);
    expect(card.stdout).toContain('呼和浩特市委巡察办');
    expect(readFileSync(cardFile, 'utf8')).toContain('BEGIN XUNCHA OFFICE CARD');

    const out = join(pair.county.dir, 'round.xpkg');
    const exported = await runXuncha(['export-package', '--vault', vault(pair.county), ...sign, '--round', String(roundId), '--to', cardFile, '--out', out], asAdmin);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('问题 problems');

    const dry = await runXuncha(['import-package', '--vault', vault(pair.city), ...sign, '--in', out, '--dry-run', '--json'], asAdmin);
    expect(dry.code).toBe(0);
    const shown = JSON.parse(dry.stdout);
    expect(shown).toMatchObject({ ok: true, dryRun: true, alreadyImported: false, roundLabel: '十二届市委第八轮巡察' });
    expect(shown.diff.find((d: { kind: string }) => d.kind === 'problem')).toEqual({ kind: 'problem', new: 3, changed: 0, unchanged: 0 });

    const first = await runXuncha(['import-package', '--vault', vault(pair.city), ...sign, '--in', out], asAdmin);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已导入');
    const second = await runXuncha(['import-package', '--vault', vault(pair.city), ...sign, '--in', out], asAdmin);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('此前已导入');
    expect(second.stdout).toMatch(/问题 problems\s+0\s+0\s+3/);
  }, 60_000);

  it('refuses a changed package, and a round that does not exist, in Chinese with exit 2', async () => {
    const out = join(pair.county.dir, 'again.xpkg');
    const cityCard = join(pair.city.dir, 'city-card.txt');
    await runXuncha(['export-package', '--vault', vault(pair.county), ...sign, '--round', String(roundId), '--to', cityCard, '--out', out], asAdmin);
    const bytes = readFileSync(out);
    bytes[bytes.length >> 1]! ^= 0x20;
    const changed = join(pair.city.dir, 'changed.xpkg');
    writeFileSync(changed, bytes);
    const refused = await runXuncha(['import-package', '--vault', vault(pair.city), ...sign, '--in', changed, '--dry-run'], asAdmin);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('签名校验失败');
    expect(refused.stderr).toContain('EXCHANGE_TAMPERED');

    const noRound = await runXuncha(['export-package', '--vault', vault(pair.county), ...sign, '--round', '999', '--to', cityCard, '--out', join(pair.county.dir, 'none.xpkg')], asAdmin);
    expect(noRound.code).toBe(2);
    expect(noRound.stderr).toContain('NOT_FOUND');
  }, 60_000);
});
