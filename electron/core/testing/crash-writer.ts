/**
 * Child process for the crash test: opens a vault and appends audit entries, each in its own
 * transaction, printing the id of every committed entry. The parent kills it with SIGKILL.
 * Usage: node --import tsx crash-writer.ts <vaultDir> <username> <password>
 */
import { AuditLog } from '../audit/audit-log';
import { Vault } from '../vault/vault';

const [dir, username, password] = process.argv.slice(2);
const vault = await Vault.openWithPassword(dir!, username!, password!);
if (!vault) {
  console.error('cannot open vault');
  process.exit(2);
}
const audit = new AuditLog(vault.db, () => new Date());
const filler = '巡察组进驻后通过个别谈话、查阅资料发现的问题，'.repeat(8);
for (let i = 0; ; i += 1) {
  const id = audit.append({ action: 'settings.update', actor: { id: null, name: 'crash-writer' }, detail: { i, filler } });
  process.stdout.write(`${id}\n`);
}
