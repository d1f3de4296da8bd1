import type { Office } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import type { CoreClient } from '../core-client';
import type { Bilingual } from '../io';

/** An account the demo made, for the summary printed at the end. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** What the person does in the office, e.g. 第一巡察组组员. */
  position: string;
  mustChangePassword: boolean;
}

/**
 * What the demo steps share. Steps run in order, all through the core's contract channels
 * (as the app would call them), signed in as the demo's administrator from the first step on.
 */
export interface DemoContext {
  core: CoreClient;
  office: Office;
  /** The one password of the demo: the administrator's, and every demo account's first one. */
  password: string;
  /** Set by the vault step; shown once at the end. */
  recoveryKey: string | null;
  accounts: DemoAccount[];
  /** Lines for the summary, e.g. "第八轮巡察：16 个巡察组" (steps add theirs). */
  summary: Bilingual[];
  /** Progress on stderr. */
  log(text: string): void;
}

/**
 * One step of `xuncha demo`. Add a file under electron/cli/demo/ and list the step in
 * steps.ts; a step may rely on the steps before it (the vault exists, admin is signed in).
 */
export interface DemoStep {
  id: string;
  title: Bilingual;
  run(ctx: DemoContext): Promise<void>;
}
