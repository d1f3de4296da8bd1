/**
 * The registry of benchmark cases, run in this order by `npm run bench`. Add a case as a file
 * in this folder (see bench/lib/types.ts, BenchCase) and list it here.
 */
import type { BenchCase } from '../lib/types';
import { archiveSearch } from './archives';
import { auditChain } from './audit-chain';
import { backupThroughput } from './backup';
import { coveragePage } from './coverage';
import { documentsEngine } from './documents';
import { exchangePackage } from './exchange';
import { fileStoreLarge, fileStoreThroughput } from './file-store';
import { insertSelectMix } from './insert-select';
import { oneCharSearch } from './one-char-search';
import { openVault } from './open-vault';
import { problemListPage } from './problems';
import { rectificationOverdue } from './rectification';
import { roundPageQuery } from './round-page';
import { scorecardTerm } from './scorecard';
import { unlockKdf } from './unlock-kdf';

export const benchCases: readonly BenchCase[] = [unlockKdf, openVault, insertSelectMix, auditChain, coveragePage, roundPageQuery, problemListPage, rectificationOverdue, fileStoreThroughput, fileStoreLarge, documentsEngine, backupThroughput, archiveSearch, oneCharSearch, scorecardTerm, exchangePackage];
