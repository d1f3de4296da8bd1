import { accountHandlers } from '../accounts/handlers';
import { archiveHandlers } from '../archives/handlers';
import { borrowingHandlers } from '../archives/borrowing/handlers';
import { catalogueHandlers } from '../archives/catalogue/handlers';
import { archiveDossierHandlers } from '../archives/dossier/handlers';
import { backupHandlers } from '../backup/handlers';
import { catalogHandlers } from '../catalogs/handlers';
import { commonProblemHandlers } from '../common-problems/handlers';
import { coverageHandlers } from '../coverage/handlers';
import { documentHandlers } from '../documents/handlers';
import { findingsHandlers } from '../findings/handlers';
import { groupHandlers } from '../groups/handlers';
import { inspectionHandlers } from '../inspections/handlers';
import { peopleHandlers } from '../people/handlers';
import { rectificationHandlers } from '../rectification/handlers';
import { roundHandlers } from '../rounds/handlers';
import { searchHandlers } from '../search/handlers';
import { unitHandlers } from '../units/handlers';
import { unitTransferHandlers } from '../units/transfer-handlers';
import { auditHandlers } from '../audit/handlers';
import { sessionHandlers } from '../session/handlers';
import { settingsHandlers } from '../settings/handlers';
import { resultsLedgerHandlers } from '../results-ledger/handlers';
import { pairingHandlers } from '../pairing/handlers';
import { exchangeHandlers } from '../exchange/handlers';
import type { HandlerTable } from './handler-types';

export type { HandlerTable } from './handler-types';

/**
 * The handler of every channel of shared/contract.ts, joined from each domain folder. The
 * mapped type makes a missing channel a compile error. Handlers receive validated input.
 */
export const handlers: HandlerTable = {
  ...sessionHandlers,
  ...accountHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...catalogHandlers,
  ...unitHandlers,
  ...unitTransferHandlers,
  ...peopleHandlers,
  ...roundHandlers,
  ...groupHandlers,
  ...inspectionHandlers,
  ...coverageHandlers,
  ...findingsHandlers,
  ...backupHandlers,
  ...documentHandlers,
  ...rectificationHandlers,
  ...archiveHandlers,
  ...borrowingHandlers,
  ...catalogueHandlers,
  ...archiveDossierHandlers,
  ...searchHandlers,
  ...resultsLedgerHandlers,
  ...pairingHandlers,
  ...commonProblemHandlers,
  ...exchangeHandlers,
};
