/**
 * The registry of benchmark cases, run in this order by `npm run bench`. Add a case as a file
 * in this folder (see bench/lib/types.ts, BenchCase) and list it here.
 */
import type { BenchCase } from '../lib/types';
import { auditChain } from './audit-chain';
import { insertSelectMix } from './insert-select';
import { openVault } from './open-vault';
import { unlockKdf } from './unlock-kdf';

export const benchCases: readonly BenchCase[] = [unlockKdf, openVault, insertSelectMix, auditChain];
