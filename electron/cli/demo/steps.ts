/**
 * The steps of `xuncha demo`, in the order they run. Later work adds its own after these.
 */
import { accountsStep } from './accounts';
import { assessmentsStep } from './assessments';
import { cluesStep } from './clues';
import { documentsStep } from './documents';
import { earlierRoundsStep } from './earlier-rounds';
import { checklistsStep, listsStep, problemsStep } from './findings';
import { commonProblemsStep } from './common-problems';
import { rectificationStep } from './rectification';
import { registryStep } from './registry';
import { round8Step } from './round-8';
import { round9Step } from './round-9';
import type { DemoStep } from './types';
import { vaultStep } from './vault';
import { pairingStep } from './pairing';
import { resultsLedgerStep } from './results-ledger';
import { archivesStep } from './archives';
import { borrowingStep } from './borrowing';

export const demoSteps: readonly DemoStep[] = [
  vaultStep,
  accountsStep,
  registryStep,
  assessmentsStep,
  earlierRoundsStep,
  round8Step,
  round9Step,
  // The findings: checklists as the administrator, problems and lists as inspection staff,
  // clues as the clue officer; the last step signs in as the administrator again.
  checklistsStep,
  problemsStep,
  cluesStep,
  listsStep,
  // What the groups did on site, and round 8's feedback meetings and letters (staff).
  documentsStep,
  // 第八轮's rectification: ledgers kept by staff, closed by the leader; back to the administrator.
  rectificationStep,
  // 四包联 in 2020: leaders, pairings, monthly visits and the counties' self-checks (administrator).
  pairingStep,
  // 第八轮's results ledger (成果运用台账), entered by staff; back to the administrator.
  resultsLedgerStep,
  // 共性问题清单 merged from 第八轮 and 第九轮, issued to the city's units, with their self-checks (staff).
  commonProblemsStep,
  // 第八轮's dossier: the finalised feedback letters filed (administrator).
  archivesStep,
  // 借阅登记 on that dossier: a viewing and a paper loan, approved by the leader; the loan returned.
  borrowingStep,
];
