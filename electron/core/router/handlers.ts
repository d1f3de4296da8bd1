import { accountHandlers } from '../accounts/handlers';
import { auditHandlers } from '../audit/handlers';
import { sessionHandlers } from '../session/handlers';
import { settingsHandlers } from '../settings/handlers';
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
};
