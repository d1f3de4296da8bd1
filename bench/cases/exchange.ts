/**
 * Exchange packages (市县联动) of one large county round: 150 inspections, 3,000 problems and
 * their 3,000 rectification items. Export: reading the round and sealing it (gzip, X25519 +
 * HKDF + AES-256-GCM, Ed25519 signature) against reading it alone. Import into an empty city
 * vault: verifying, decrypting, diffing and writing every record with its provenance, on the
 * encrypted vault against the same code on plain SQLite.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { applyPlan, planImport } from '../../electron/core/exchange/apply-package';
import { cardFingerprint, type OfficeCard } from '../../electron/core/exchange/office-card';
import { rawPublicKey } from '../../electron/core/exchange/office-keys';
import { collectRoundBody, packageBodySchema } from '../../electron/core/exchange/package-body';
import { openPackageBody, sealPackage, verifyPackage } from '../../electron/core/exchange/package-format';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { applyMigrations } from '../../electron/core/vault/migrate';
import { migrations } from '../../electron/core/vault/migrations';
import { openPlainDatabase, seededRandom } from '../lib/fixtures';
import { figure } from '../lib/measure';
import type { BenchCase, BenchContext } from '../lib/types';
import { buildRoundsFixture } from './coverage';

function office(name: string, level: OfficeCard['level']) {
  const signing = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  const card: OfficeCard = { v: 1, name, code: '0201', level, sign: rawPublicKey(signing.publicKey), box: rawPublicKey(box.publicKey) };
  return { card, fingerprint: cardFingerprint(card), signPrivate: signing.privateKey, boxPrivate: box.privateKey };
}

/** The county vault: the coverage fixture's registry and rounds, then problems and ledger items in one round. */
function countyVault(ctx: BenchContext, problems: number): { db: Db; roundId: number } {
  const db = openEncryptedDatabase(join(ctx.dir('exchange-county'), 'vault.db'), randomBytes(32), { create: true });
  db.pragma('synchronous = OFF');
  applyMigrations(db, migrations);
  const rounds = buildRoundsFixture(db, { units: 1_000, rounds: 2, perRound: 150 });
  const roundId = rounds.roundIds[0]!;
  const inspections = db.prepare('SELECT id, unit_id FROM inspections WHERE round_id = ? ORDER BY id').all(roundId) as { id: number; unit_id: number }[];
  const random = seededRandom(2022);
  const at = '2022-10-08T09:00:00.000Z';
  const insertProblem = db.prepare(`INSERT INTO problems (inspection_id, focus, description, evidence, source, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'documents', 1, ?, ?)`);
  const insertItem = db.prepare(
    `INSERT INTO rectification_items (problem_id, inspection_id, round_id, unit_id, measures, responsible_person, responsible_unit, deadline, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, '全额清退违规款项，修订完善制度', '张某某', '被巡察单位', '2022-12-31', 1, ?, ?)`,
  );
  const focuses = ['corruption', 'grassroots', 'rectification'] as const;
  db.transaction(() => {
    for (let n = 0; n < problems; n += 1) {
      const inspection = inspections[Math.floor(random() * inspections.length)]!;
      const id = Number(insertProblem.run(inspection.id, focuses[n % 3], `问题${n + 1}：违规发放津贴补贴，“三会一课”制度落实不到位`, '查阅2021年度财务凭证', at, at).lastInsertRowid);
      insertItem.run(id, inspection.id, roundId, inspection.unit_id, at, at);
    }
  })();
  db.pragma('synchronous = FULL');
  return { db, roundId };
}

function cityVault(ctx: BenchContext, kind: 'encrypted' | 'plain', run: number): Db {
  const dir = ctx.dir(`exchange-city-${kind}-${run}`);
  const db = kind === 'encrypted' ? openEncryptedDatabase(join(dir, 'vault.db'), randomBytes(32), { create: true }) : openPlainDatabase(join(dir, 'plain.db'));
  applyMigrations(db, migrations);
  const at = '2022-10-08T09:00:00.000Z';
  db.prepare("INSERT INTO accounts (username, display_name, role, created_at, updated_at) VALUES ('city', '王建国', 'admin', ?, ?)").run(at, at);
  return db;
}

export const exchangePackage: BenchCase = {
  name: 'exchange package of a round',
  description: 'export (read + seal) and import (verify, decrypt, diff, write with provenance) of a round with 150 inspections and 3,000 problems and ledger items',
  async run(ctx) {
    const problems = ctx.quick ? 500 : 3_000;
    const runs = ctx.quick ? 2 : 5;
    const county = countyVault(ctx, problems);
    const sender = office('土默特左旗委巡察办', 'county');
    const recipient = office('呼和浩特市委巡察办', 'city');
    const seal = () => {
      const body = collectRoundBody(county.db, county.roundId, false)!;
      return sealPackage(
        { packageId: randomUUID(), createdAt: '2022-10-08T09:00:00.000Z', sequence: 1, sender: sender.card, senderFingerprint: sender.fingerprint, recipientFingerprint: recipient.fingerprint },
        Buffer.from(JSON.stringify(body), 'utf8'),
        { signPrivate: sender.signPrivate, recipientBox: recipient.card.box },
      );
    };
    try {
      const exported: number[] = [];
      const readOnly: number[] = [];
      let bytes = seal();
      for (let run = 0; run < runs; run += 1) {
        let t = performance.now();
        bytes = seal();
        exported.push(performance.now() - t);
        t = performance.now();
        JSON.stringify(collectRoundBody(county.db, county.roundId, false));
        readOnly.push(performance.now() - t);
      }
      const work = `${problems.toLocaleString('en')} problems + ${problems.toLocaleString('en')} ledger items, package ${(bytes.length / 1024).toFixed(0)} KB`;
      const exportFigure = figure('exchange: export round package', exported, 'reading the round alone (no crypto)', readOnly, { work });
      ctx.log(`  export: ${exportFigure.ms.toFixed(1)} ms (read only ${exportFigure.baseline.ms.toFixed(1)} ms); ${work}`);

      const samples = { encrypted: [] as number[], plain: [] as number[] };
      for (let run = 0; run < runs; run += 1) {
        for (const kind of run % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
          const city = cityVault(ctx, kind, run);
          try {
            const t = performance.now();
            const pkg = verifyPackage(bytes);
            const body = packageBodySchema.parse(JSON.parse(openPackageBody(pkg, recipient.boxPrivate).toString('utf8')));
            city.transaction(() => {
              const plan = planImport(city, sender.fingerprint, body);
              applyPlan(plan, { db: city, sender: { fingerprint: sender.fingerprint, name: sender.card.name, code: sender.card.code }, user: { id: 1, name: '王建国（city）' }, packageId: pkg.header.packageId, at: '2022-10-09T09:00:00.000Z', files: new Map() });
            })();
            samples[kind].push(performance.now() - t);
            const imported = city.prepare('SELECT count(*) FROM problems').pluck().get() as number;
            if (imported !== problems) throw new Error(`imported ${imported} problems, expected ${problems}`);
          } finally {
            city.close();
          }
        }
      }
      const importFigure = figure('exchange: import round package', samples.encrypted, 'plain SQLite, same code', samples.plain, { work });
      ctx.log(`  import: ${importFigure.ms.toFixed(1)} ms (plain ${importFigure.baseline.ms.toFixed(1)} ms, ×${importFigure.ratio})`);
      return [exportFigure, importFigure];
    } finally {
      county.db.close();
    }
  },
};
