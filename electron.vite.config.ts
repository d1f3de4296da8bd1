import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          // The Electron main process (thin shell over the core).
          main: resolve(root, 'electron/shell/main.ts'),
          // The `xuncha` command-line tool: the same core in plain Node.
          xuncha: resolve(root, 'electron/cli/xuncha.ts'),
          // `npm start` without Electron: the renderer in system Chromium over the same router.
          'browser-host': resolve(root, 'electron/browser-host/host.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rollupOptions: {
        input: { preload: resolve(root, 'electron/preload/preload.ts') },
        // A sandboxed preload must be CommonJS even though the package is "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
