/**
 * The core of Xuncha Desk: domain services, storage, crypto. It never imports `electron`;
 * Electron's main process, the Chromium bridge (tests, `npm start` without Electron) and the
 * `xuncha` CLI all drive it through the same router.
 */
import type { IpcResult } from '../../shared/result';
import { CoreContext, type CoreOptions } from './context';
import { handlers } from './router/handlers';
import { createRouter } from './router/router';
import { signOut } from './session/session-service';

export type { CoreOptions } from './context';
export { DEFAULT_SCRYPT_COST, type ScryptCost } from './crypto/keys';

/**
 * A cheaper scrypt cost for tests only (2^14 instead of 2^17). The cost is stored with each
 * seal, so vaults made with it still open normally; never use it for a real vault.
 */
export const TEST_SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 } as const;

export interface XunchaCore {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /** Signs out (audited as leaving the app), closes the vault and wipes the key from memory. */
  close(): void;
}

export function createXunchaCore(options: CoreOptions): XunchaCore {
  const ctx = new CoreContext(options);
  const router = createRouter(ctx, handlers);
  return {
    invoke: (channel, input) => router.invoke(channel, input),
    close: () => {
      try {
        signOut(ctx, 'quit');
      } finally {
        ctx.end();
      }
    },
  };
}
