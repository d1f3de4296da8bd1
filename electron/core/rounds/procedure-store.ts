import type { ProcedureStep } from '../../../shared/contract';
import { roundStages, type RoundStage } from '../../../shared/domain';
import type { Db } from '../vault/database';

interface StepRow {
  id: number;
  stage: RoundStage;
  ordinal: number;
  title: string;
  retired: number;
}

export interface StepTick {
  step_id: number;
  done_by_name: string;
  done_at: string;
  note: string;
}

/**
 * The procedure checklist (内控 work steps) per stage, and each round's ticks. Steps are
 * retired, never deleted, so a finished round keeps the steps it was ticked against.
 */
export class ProcedureStore {
  constructor(private readonly db: Db) {}

  list(): ProcedureStep[] {
    const rows = this.db.prepare('SELECT * FROM procedure_steps ORDER BY ordinal, id').all() as StepRow[];
    const stageOrder = (stage: RoundStage) => roundStages.indexOf(stage);
    return rows
      .map((r) => ({ id: r.id, stage: r.stage, ordinal: r.ordinal, title: r.title, retired: r.retired === 1 }))
      .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.ordinal - b.ordinal);
  }

  byId(id: number): ProcedureStep | null {
    return this.list().find((s) => s.id === id) ?? null;
  }

  /** Replaces the template: listed steps get their order from their place in the list. */
  save(steps: { id: number | null; stage: RoundStage; title: string; retired: boolean }[]): void {
    const ordinals = new Map<RoundStage, number>();
    const update = this.db.prepare('UPDATE procedure_steps SET stage = ?, ordinal = ?, title = ?, retired = ? WHERE id = ?');
    const insert = this.db.prepare('INSERT INTO procedure_steps (stage, ordinal, title, retired) VALUES (?, ?, ?, ?)');
    for (const step of steps) {
      const ordinal = (ordinals.get(step.stage) ?? 0) + 1;
      ordinals.set(step.stage, ordinal);
      if (step.id === null) insert.run(step.stage, ordinal, step.title, step.retired ? 1 : 0);
      else update.run(step.stage, ordinal, step.title, step.retired ? 1 : 0, step.id);
    }
  }

  ticks(roundId: number): StepTick[] {
    return this.db
      .prepare(
        `SELECT t.step_id, a.display_name AS done_by_name, t.done_at, t.note
         FROM round_step_ticks t JOIN accounts a ON a.id = t.done_by WHERE t.round_id = ?`,
      )
      .all(roundId) as StepTick[];
  }

  tick(roundId: number, stepId: number, accountId: number, at: string, note: string): void {
    this.db
      .prepare(
        `INSERT INTO round_step_ticks (round_id, step_id, done_by, done_at, note) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET done_by = excluded.done_by, done_at = excluded.done_at, note = excluded.note`,
      )
      .run(roundId, stepId, accountId, at, note);
  }

  untick(roundId: number, stepId: number): void {
    this.db.prepare('DELETE FROM round_step_ticks WHERE round_id = ? AND step_id = ?').run(roundId, stepId);
  }

  /** Steps of a stage that are in force and not yet ticked for the round. */
  openSteps(roundId: number, stage: RoundStage): ProcedureStep[] {
    const ticked = new Set(this.ticks(roundId).map((t) => t.step_id));
    return this.list().filter((s) => s.stage === stage && !s.retired && !ticked.has(s.id));
  }
}
