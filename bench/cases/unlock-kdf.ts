import { scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCRYPT_COST } from '../../electron/core/index';
import { newDataKey } from '../../electron/core/crypto/keys';
import { KeyFile } from '../../electron/core/vault/keyfile';
import { compare, timed } from '../lib/measure';
import type { BenchCase } from '../lib/types';

const USER = 'admin';
const PASSWORD = '巡察Huhehaote2020';

/**
 * Opening a password seal of keys.json at the production scrypt cost, against the raw KDF
 * with the same parameters: the seal format should add nothing worth measuring (ratio ≈ 1).
 */
export const unlockKdf: BenchCase = {
  name: 'unlock (KDF)',
  description: 'KeyFile.openWithPassword at DEFAULT_SCRYPT_COST vs crypto.scryptSync with the same N, r, p',
  async run(ctx) {
    const file = join(ctx.dir('unlock'), 'keys.json');
    const keyFile = KeyFile.create(file);
    await keyFile.sealForPassword(USER, PASSWORD, newDataKey(), DEFAULT_SCRYPT_COST);
    keyFile.save();
    const seal = (JSON.parse(readFileSync(file, 'utf8')) as { seals: { kdf: { N: number; r: number; p: number; salt: string } }[] }).seals[0]!.kdf;
    const salt = Buffer.from(seal.salt, 'base64');
    const password = Buffer.from(PASSWORD.normalize('NFC'), 'utf8');

    return [
      await compare({
        name: 'unlock (KDF)',
        runs: ctx.quick ? 1 : 5,
        work: `scrypt N=2^${Math.log2(seal.N)} r=${seal.r} p=${seal.p}`,
        expected: '≈1',
        subject: () =>
          timed(async () => {
            const key = await KeyFile.read(file).openWithPassword(USER, PASSWORD);
            if (!key) throw new Error('the seal did not open');
            key.fill(0);
          }),
        baselineName: 'crypto.scryptSync, same params',
        baseline: () =>
          timed(() => scryptSync(password, salt, 32, { N: seal.N, r: seal.r, p: seal.p, maxmem: 256 * seal.N * seal.r + 1024 * 1024 }).fill(0)),
      }),
    ];
  },
};
