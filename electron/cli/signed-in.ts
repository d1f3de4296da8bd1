/**
 * The sign-in every vault command shares: the options that name the vault and the account, the
 * password from a hidden prompt or standard input, and a session that is signed out (audited)
 * and a vault that is closed whatever the work did.
 */
import type { ChannelOutput } from '../../shared/contract';
import { requireOption } from './args';
import { openCore, type CoreClient } from './core-client';
import type { CliIo } from './io';
import { obtainPassword } from './prompt';

export const signInOptions = {
  vault: { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type SignedInUser = ChannelOutput<'session.signIn'>;

/** Signs in, runs `work`, signs out (audited) and closes the vault whatever happens. */
export async function signedIn<T>(
  values: { vault?: string | undefined; user?: string | undefined; 'password-stdin'?: boolean | undefined },
  io: CliIo,
  work: (core: CoreClient, user: SignedInUser) => Promise<T>,
): Promise<T> {
  const vaultDir = requireOption(values.vault, '--vault', '数据库文件夹');
  const username = requireOption(values.user, '--user', '用户名');
  const password = await obtainPassword(io, { fromStdin: values['password-stdin'] === true, label: `${username} 的密码 Password for ${username}` });
  const core = openCore(vaultDir, io, { sealsPasswords: false });
  try {
    const user = await core.call('session.signIn', { username, password });
    try {
      return await work(core, user);
    } finally {
      await core.call('session.signOut', {}).catch(() => undefined);
    }
  } finally {
    core.close();
  }
}
