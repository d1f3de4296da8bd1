/**
 * The CLI drives the same core as the app, through the same router and contract: every call
 * is validated, permission-checked and audited exactly as a click in the app would be.
 */
import { resolve } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { createXunchaCore, TEST_SCRYPT_COST, type ScryptCost } from '../core/index';
import type { FilePort } from '../core/files/file-port';
import { fromCoreError } from './errors';
import { writeLine, type CliIo } from './io';

export interface CoreClient {
  readonly vaultDir: string;
  /** Calls a channel; a failure is thrown as a CliError carrying the core's code and message. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): void;
}

/**
 * TEST ONLY. `XUNCHA_TEST_SCRYPT=1` makes new password seals use TEST_SCRYPT_COST (2^14
 * instead of 2^17) so the CLI's own tests stay fast. Seals record their cost, so such a vault
 * opens normally, but its passwords are eight times cheaper to guess: never set this for a
 * real vault. The CLI prints a warning whenever it is set.
 */
export const TEST_SCRYPT_ENV = 'XUNCHA_TEST_SCRYPT';

export function scryptCostFromEnv(io: CliIo): ScryptCost | undefined {
  if (io.env[TEST_SCRYPT_ENV] !== '1') return undefined;
  writeLine(
    io.stderr,
    `[测试 test] ${TEST_SCRYPT_ENV}=1：新密码使用低强度的测试参数，仅供自动化测试，切勿用于真实数据库。 / Test-only weak scrypt cost for new passwords; never use it for a real vault.`,
  );
  return TEST_SCRYPT_COST;
}

/**
 * `sealsPasswords`: the command makes new password seals (init, demo), so the test cost matters.
 * `files`: answers the core's file dialogs (`xuncha backup` answers the save dialog with --out).
 */
export function openCore(vaultDir: string, io: CliIo, options: { sealsPasswords: boolean; files?: FilePort }): CoreClient {
  const dir = resolve(vaultDir);
  const scryptCost = options.sealsPasswords ? scryptCostFromEnv(io) : undefined;
  const core = createXunchaCore({ vaultDir: dir, ...(scryptCost ? { scryptCost } : {}), ...(options.files ? { files: options.files } : {}) });
  return {
    vaultDir: dir,
    async call(channel, input) {
      const result = await core.invoke(channel, input);
      if (!result.ok) throw fromCoreError(result.error);
      return result.value as ChannelOutput<typeof channel>;
    },
    close: () => core.close(),
  };
}
