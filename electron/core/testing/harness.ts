/**
 * Test helpers: a real encrypted vault in a fresh temp folder, driven through the real router.
 * Only for tests (imported by *.test.ts files).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { createXunchaCore, TEST_SCRYPT_COST, type CoreOptions, type XunchaCore } from '../index';

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Xuncha2020' } as const;
export const OFFICE = { name: '呼和浩特市委巡察办', fondsCode: '0123', level: 'city' } as const;

export function tempDir(prefix = 'xuncha-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export class TestApp {
  readonly core: XunchaCore;
  constructor(
    readonly dir: string,
    options: Partial<CoreOptions> = {},
  ) {
    this.core = createXunchaCore({ vaultDir: dir, scryptCost: TEST_SCRYPT_COST, ...options });
  }

  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.core.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  }

  /** Calls a channel that must fail, and returns its error. */
  async fail<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppErrorShape> {
    const result = await this.core.invoke(channel, input);
    if (result.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.value)}`);
    return result.error;
  }

  async setUp(): Promise<string> {
    const { recoveryKey } = await this.call('vault.setup', { office: { ...OFFICE }, admin: { ...ADMIN } });
    return recoveryKey;
  }

  signInAdmin() {
    return this.call('session.signIn', { username: ADMIN.username, password: ADMIN.password });
  }

  close(): void {
    this.core.close();
  }
}

/** A set-up vault with the administrator signed in; remove() closes and deletes it. */
export async function signedInApp(options: Partial<CoreOptions> = {}) {
  const dir = tempDir();
  const app = new TestApp(dir, options);
  const recoveryKey = await app.setUp();
  await app.signInAdmin();
  return {
    app,
    dir,
    recoveryKey,
    remove() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock tests can move. */
export function manualClock(start = new Date('2026-11-26T09:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
