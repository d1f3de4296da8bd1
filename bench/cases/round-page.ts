import type { CoreContext } from '../../electron/core/context';
import { roundPage } from '../../electron/core/rounds/rounds-service';
import type { Db } from '../../electron/core/vault/database';
import { compare, timed } from '../lib/measure';
import type { BenchCase } from '../lib/types';
import { openFixture } from './coverage';

/**
 * The core's roundPage reads only `ctx.active().vault.db`; this stands in for a signed-in
 * session so that the real service function runs on the fixture's database.
 */
function sessionOver(db: Db): CoreContext {
  return { active: () => ({ vault: { db } }) } as unknown as CoreContext;
}

/**
 * Baseline: the round page assembled the naive way, one query per thing (N+1): the round,
 * its groups, then per group its member ids and per member the person and their unit, the
 * group's inspection ids and per inspection the row, its unit, kind, region, topic and the
 * round it follows; 回避 is checked in JS per member × inspection; then stages and ticks.
 */
export function naiveRoundPage(db: Db, roundId: number) {
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
  const round = one<{ id: number; term_id: number; number: number }>('SELECT * FROM rounds WHERE id = ?', roundId);
  const term = one<{ name: string }>('SELECT name FROM terms WHERE id = ?', round.term_id);
  const groups = all<{ id: number; number: number }>('SELECT id, number FROM inspection_groups WHERE round_id = ? ORDER BY number', roundId);
  let members = 0;
  let inspections = 0;
  let conflicts = 0;
  const byMode: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const assembled = groups.map((group) => {
    const targets = all<{ id: number }>('SELECT id FROM inspections WHERE group_id = ?', group.id).map(({ id }) => {
      const i = one<{ id: number; unit_id: number; mode: string; topic_id: number | null; follows_inspection_id: number | null }>('SELECT * FROM inspections WHERE id = ?', id);
      const unit = one<{ id: number; name: string; kind_id: number; region_id: number | null; parent_id: number | null }>('SELECT * FROM units WHERE id = ?', i.unit_id);
      const kind = one<{ name: string }>('SELECT name FROM unit_kinds WHERE id = ?', unit.kind_id);
      const region = unit.region_id === null ? null : one<{ name: string }>('SELECT name FROM regions WHERE id = ?', unit.region_id);
      const topic = i.topic_id === null ? null : one<{ name: string }>('SELECT name FROM special_topics WHERE id = ?', i.topic_id);
      let follows: string | null = null;
      if (i.follows_inspection_id !== null) {
        const f = one<{ round_id: number }>('SELECT round_id FROM inspections WHERE id = ?', i.follows_inspection_id);
        const fr = one<{ number: number; term_id: number }>('SELECT number, term_id FROM rounds WHERE id = ?', f.round_id);
        follows = `${one<{ name: string }>('SELECT name FROM terms WHERE id = ?', fr.term_id).name}第${fr.number}轮`;
      }
      byMode[i.mode] = (byMode[i.mode] ?? 0) + 1;
      byKind[kind.name] = (byKind[kind.name] ?? 0) + 1;
      inspections += 1;
      return { ...i, unit, kind: kind.name, region: region?.name ?? null, topic: topic?.name ?? null, follows };
    });
    const people = all<{ person_id: number; role: string }>('SELECT person_id, role FROM group_members WHERE group_id = ?', group.id).map((m) => {
      const person = one<{ id: number; name: string; unit_id: number | null; region_id: number | null }>('SELECT * FROM people WHERE id = ?', m.person_id);
      const unit = person.unit_id === null ? null : one<{ parent_id: number | null; region_id: number | null }>('SELECT parent_id, region_id FROM units WHERE id = ?', person.unit_id);
      const region = person.region_id ?? unit?.region_id ?? null;
      const found = targets.filter(
        (t) =>
          (person.unit_id !== null && (person.unit_id === t.unit.id || person.unit_id === t.unit.parent_id)) ||
          (unit?.parent_id != null && unit.parent_id === t.unit.id) ||
          ((t.mode === 'cross' || t.mode === 'elevated_cross') && region !== null && region === t.unit.region_id),
      );
      members += 1;
      if (found.length > 0) conflicts += 1;
      return { ...person, role: m.role, conflicts: found.length };
    });
    return { ...group, members: people, inspections: targets };
  });
  const stages = all('SELECT * FROM round_stages WHERE round_id = ?', roundId);
  const ticks = all<{ done_by: number }>('SELECT * FROM round_step_ticks WHERE round_id = ?', roundId).map((t) => ({
    ...t,
    by: one<{ display_name: string }>('SELECT display_name FROM accounts WHERE id = ?', t.done_by).display_name,
  }));
  const steps = all('SELECT * FROM procedure_steps ORDER BY ordinal');
  return { label: `${term.name}第${round.number}轮`, groups: assembled, stages, ticks, steps, counts: { groups: groups.length, members, inspections, byMode, byKind, conflicts } };
}

/**
 * rounds.get through the core's service function (roundPage: groups with members and their
 * 回避 conflicts, inspections, stages, procedure ticks, counts) for a round with 250
 * inspections in 16 groups, against the N+1 baseline.
 */
export const roundPageQuery: BenchCase = {
  name: 'round page',
  description: 'rounds.get (core roundPage, SQLCipher) for a round with ~250 inspections and 16 groups vs N+1 queries',
  async run(ctx) {
    const fixture = openFixture(ctx, 'round-page');
    const { db, pageRoundId } = fixture;
    const session = sessionOver(db);
    try {
      const page = roundPage(session, pageRoundId);
      const naive = naiveRoundPage(db, pageRoundId);
      if (page.counts.inspections !== naive.counts.inspections || page.counts.members !== naive.counts.members || page.counts.groups !== naive.counts.groups) {
        throw new Error(`round page differs: ${JSON.stringify(page.counts)} vs ${JSON.stringify(naive.counts)}`);
      }
      if (page.counts.conflictsOpen !== naive.counts.conflicts) throw new Error(`conflicts differ: ${page.counts.conflictsOpen} vs ${naive.counts.conflicts}`);
      ctx.log(`  round ${page.round.number}: ${page.counts.groups} groups, ${page.counts.members} members, ${page.counts.inspections} inspections, ${page.counts.conflictsOpen} open 回避 conflicts`);
      return [
        await compare({
          name: 'round page (rounds.get)',
          runs: ctx.quick ? 3 : 15,
          work: `${page.counts.inspections} inspections, ${page.counts.groups} groups, ${page.counts.members} members`,
          subject: () => timed(() => roundPage(session, pageRoundId)),
          baselineName: 'N+1 queries',
          baseline: () => timed(() => naiveRoundPage(db, pageRoundId)),
        }),
      ];
    } finally {
      db.close();
    }
  },
};
