import { readdirSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * pdf.js's data files, served from the app itself as pdfjs/<folder>/… (see
 * renderer/src/components/pdf/pdfjs.ts): CMaps for Chinese PDFs whose fonts are not embedded,
 * the standard fonts, and the plain-JS JPEG 2000 decoder (WebAssembly stays off, so the
 * .wasm files are left out). Never a CDN: the app runs offline.
 */
const PDFJS_ASSETS: Record<string, (name: string) => boolean> = {
  cmaps: (name) => name.endsWith('.bcmap') || name === 'LICENSE',
  standard_fonts: () => true,
  wasm: (name) => name === 'openjpeg_nowasm_fallback.js' || name.startsWith('LICENSE'),
};

function pdfjsAssets(): Plugin {
  const source = resolve(root, 'node_modules/pdfjs-dist');
  const files = () =>
    Object.entries(PDFJS_ASSETS).flatMap(([folder, wanted]) =>
      readdirSync(resolve(source, folder))
        .filter(wanted)
        .map((name) => ({ folder, name })),
    );
  return {
    name: 'xuncha-pdfjs-assets',
    generateBundle() {
      for (const { folder, name } of files()) {
        this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(resolve(source, folder, name)) });
      }
    },
    configureServer(server) {
      const served = new Map(files().map(({ folder, name }) => [`/pdfjs/${folder}/${name}`, resolve(source, folder, name)]));
      server.middlewares.use((request, response, next) => {
        const file = served.get((request.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        response.setHeader('Content-Type', extname(file) === '.js' ? 'text/javascript; charset=utf-8' : 'application/octet-stream');
        response.end(readFileSync(file));
      });
    },
  };
}

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
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
