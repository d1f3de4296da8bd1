/**
 * The one table of IPC channels (in the manner of GitHub Desktop's typed IPC): every channel
 * names its input schema, its output schema and the permission it needs. The core's router
 * validates every input against it, the renderer's client is typed from it, and nothing else
 * crosses the boundary. Each domain writes its rows in shared/channels/<domain>.ts; this file
 * joins them into the single table.
 */
import type { z } from 'zod';
import type { ChannelDefinition } from './channels/define';
import { archiveChannels } from './channels/archives';
import { archiveBorrowingChannels } from './channels/archives-borrowing';
import { backupChannels } from './channels/backup';
import { commonProblemChannels } from './channels/common-problems';
import { coverageChannels } from './channels/coverage';
import { documentChannels } from './channels/documents';
import { findingsChannels } from './channels/findings';
import { foundationChannels } from './channels/foundation';
import { rectificationChannels } from './channels/rectification';
import { registryChannels, registryTransferChannels } from './channels/registry';
import { roundChannels } from './channels/rounds';
import { searchChannels } from './channels/search';
import { resultsLedgerChannels } from './channels/results-ledger';
import { pairingChannels } from './channels/pairing';
import { exchangeChannels } from './channels/exchange';

export * from './channels/foundation';
export * from './channels/registry';
export * from './channels/rounds';
export * from './channels/coverage';
export * from './channels/findings';
export * from './channels/backup';
export * from './channels/documents';
export * from './channels/rectification';
export * from './channels/archives';
export * from './channels/archives-borrowing';
export * from './channels/search';
export * from './channels/results-ledger';
export * from './channels/pairing';
export * from './channels/common-problems';
export * from './channels/exchange';
export type { ChannelDefinition } from './channels/define';

export const channels = {
  ...foundationChannels,
  ...registryChannels,
  ...registryTransferChannels,
  ...roundChannels,
  ...coverageChannels,
  ...findingsChannels,
  ...backupChannels,
  ...documentChannels,
  ...rectificationChannels,
  ...archiveChannels,
  ...archiveBorrowingChannels,
  ...searchChannels,
  ...resultsLedgerChannels,
  ...pairingChannels,
  ...commonProblemChannels,
  ...exchangeChannels,
} as const satisfies Record<string, ChannelDefinition>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
