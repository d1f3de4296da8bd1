import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Vault tests run real scrypt and real SQLCipher on a 2-core machine; the demo builds a
    // whole seed year (two runs in the reproducibility test), which a busy machine slows a lot.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
