import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEncryptedDatabase, type Db } from '../../electron/core/vault/database';
import { figure } from '../lib/measure';
import { openPlainDatabase, PROBLEM_SCHEMA, problemRows, seededRandom, type ProblemRow } from '../lib/fixtures';
import type { BenchCase, Figure } from '../lib/types';

const BATCH = 500;

interface MixTimes {
  insert: number;
  point: number;
  range: number;
}

/**
 * One run of the mix on a fresh database: inserts in transactions of BATCH, point selects
 * by id in a fixed random order, then range queries (one inspection's problems in time order).
 */
function runMix(db: Db, rows: ProblemRow[], inspections: number, pointSelects: number, ranges: number): MixTimes {
  db.exec(PROBLEM_SCHEMA);
  const insert = db.prepare(
    'INSERT INTO problems (id, inspection_id, focus, source, description, detail, created_at) VALUES (@id, @inspection_id, @focus, @source, @description, @detail, @created_at)',
  );
  const insertBatch = db.transaction((batch: ProblemRow[]) => {
    for (const row of batch) insert.run(row);
  });
  let start = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) insertBatch(rows.slice(i, i + BATCH));
  const insertMs = performance.now() - start;

  const random = seededRandom(7);
  const ids = Array.from({ length: pointSelects }, () => 1 + Math.floor(random() * rows.length));
  const byId = db.prepare('SELECT * FROM problems WHERE id = ?');
  start = performance.now();
  for (const id of ids) if (!byId.get(id)) throw new Error(`row ${id} missing`);
  const pointMs = performance.now() - start;

  const range = db.prepare(
    'SELECT id, focus, source, description, created_at FROM problems WHERE inspection_id = ? AND created_at >= ? ORDER BY created_at',
  );
  start = performance.now();
  for (let i = 0; i < ranges; i += 1) {
    const found = range.all((i % inspections) + 1, '2020-01-01');
    if (found.length === 0) throw new Error('range query found nothing');
  }
  const rangeMs = performance.now() - start;
  return { insert: insertMs, point: pointMs, range: rangeMs };
}

/**
 * The encrypted vault's database (openEncryptedDatabase, the real pragmas) against plain
 * SQLite with the same schema and the same pragmas minus the cipher.
 */
export const insertSelectMix: BenchCase = {
  name: 'insert/select mix',
  description: 'problem-like rows (Chinese text ~200 chars, JSON detail): inserts, point selects, range queries; SQLCipher vs plain',
  async run(ctx) {
    const count = ctx.quick ? 2_000 : 20_000;
    const inspections = 200;
    const pointSelects = count;
    const ranges = 200;
    const rows = problemRows(count, inspections);
    const runs = ctx.quick ? 1 : 5;
    const encrypted: MixTimes[] = [];
    const plain: MixTimes[] = [];
    for (let run = 0; run < runs; run += 1) {
      const sides = [
        () => {
          const db = openEncryptedDatabase(join(ctx.dir('mix-encrypted'), 'vault.db'), randomBytes(32), { create: true });
          try {
            encrypted.push(runMix(db, rows, inspections, pointSelects, ranges));
          } finally {
            db.close();
          }
        },
        () => {
          const db = openPlainDatabase(join(ctx.dir('mix-plain'), 'plain.db'));
          try {
            plain.push(runMix(db, rows, inspections, pointSelects, ranges));
          } finally {
            db.close();
          }
        },
      ];
      if (run % 2 === 1) sides.reverse();
      for (const side of sides) side();
    }
    const pick = (times: MixTimes[], key: keyof MixTimes) => times.map((t) => t[key]);
    const baseline = 'plain SQLite, same pragmas';
    const fmt = (n: number) => n.toLocaleString('en');
    const figures: Figure[] = [
      figure('insert/select mix: inserts', pick(encrypted, 'insert'), baseline, pick(plain, 'insert'), {
        expected: '1.5–1.9',
        work: `${fmt(count)} rows, transactions of ${BATCH}`,
      }),
      figure('insert/select mix: point selects', pick(encrypted, 'point'), baseline, pick(plain, 'point'), {
        expected: '1.2–1.4',
        work: `${fmt(pointSelects)} selects by id`,
      }),
      figure('insert/select mix: range queries', pick(encrypted, 'range'), baseline, pick(plain, 'range'), {
        work: `${ranges} queries × ${fmt(count / inspections)} rows`,
      }),
    ];
    return figures;
  },
};
