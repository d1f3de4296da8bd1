import type { Migration } from './types';
import { foundation } from './001-foundation';
import { rounds } from './002-rounds';
import { filesMigration } from '../../files/schema';
import { findingsMigration } from '../../findings/schema';
import { documentsMigration } from '../../documents/schema';
import { rectificationMigration } from '../../rectification/schema';
import { archivesMigration } from '../../archives/schema';
import { commonProblemsMigration } from '../../common-problems/schema';
import { archivesDossierMigration } from '../../archives/dossier/schema';
import { exchangeMigration } from '../../exchange/schema';
import { resultsLedgerMigration } from '../../results-ledger/schema';
import { pairingMigration } from '../../pairing/schema';
import { borrowingMigration } from '../../archives/borrowing/schema';
import { quickSearchMigration } from '../../search/schema';

export type { Migration } from './types';

/** Every schema step, in order. Append only: a released step is never edited. */
export const migrations: readonly Migration[] = [
  foundation,
  rounds,
  filesMigration(3),
  findingsMigration(4),
  documentsMigration(5),
  rectificationMigration(6),
  archivesMigration(7),
  commonProblemsMigration(8),
  resultsLedgerMigration(9),
  pairingMigration(10),
  archivesDossierMigration(11),
  borrowingMigration(12),
  exchangeMigration(13),
  quickSearchMigration(14),
];

export const latestSchemaVersion = (list: readonly Migration[] = migrations): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);
