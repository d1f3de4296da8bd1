/**
 * Child process for the kill -9 test: opens a vault and backs it up to a target, as
 * `xuncha backup` does but without the CLI's start-up (the parent starts it a dozen times).
 * The parent kills it with SIGKILL at a moment of its choosing.
 * Usage: node --import tsx crash-backup-child.ts <vaultDir> <target> <username> <password>
 */
import { Vault } from '../vault/vault';
import { createBackup } from './create-backup';

const [dir, target, username, password] = process.argv.slice(2);
const vault = await Vault.openWithPassword(dir!, username!, password!);
if (!vault) {
  console.error('cannot open vault');
  process.exit(2);
}
try {
  const created = await createBackup(vault, target!, { now: new Date(), createdBy: username! });
  process.stdout.write(`${JSON.stringify(created)}\n`);
} finally {
  vault.close();
}
