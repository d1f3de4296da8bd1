/**
 * TEST ONLY: a second process on the same vault, taking copy numbers one print at a time as fast
 * as it can, to race the test's own process. Prints the numbers it got as JSON on stdout.
 *   node --import tsx take-copy-numbers.ts VAULT_DIR USERNAME PASSWORD PRINTS
 */
import { Vault } from '../../vault/vault';
import { takeCopyNumbers } from '../copy-numbers';

const [dir, username, password, prints] = process.argv.slice(2);
const vault = await Vault.openWithPassword(dir!, username!, password!);
if (!vault) throw new Error('the vault did not open');
const taken: number[] = [];
try {
  for (let i = 0; i < Number(prints); i += 1) {
    const copies = 1 + (i % 3);
    const { first, last } = vault.db.transaction(() => takeCopyNumbers(vault.db, copies)).immediate();
    for (let n = first; n <= last; n += 1) taken.push(n);
  }
} finally {
  vault.close();
}
process.stdout.write(JSON.stringify(taken));
