import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { handleAppProtocol, registerAppScheme, resolveAppFile } from './protocol';
import { asReal, createFakeProtocol } from './testing/fake-electron';

const base = mkdtempSync(path.join(tmpdir(), 'xuncha-protocol-'));
const root = path.join(base, 'renderer');
let handler: (request: Request) => Promise<Response> | Response;

beforeAll(() => {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>巡察工作台</title>');
  writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
  // Files a traversal would reach: next to the root, and in a sibling whose name shares the prefix.
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET-OUTSIDE');
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.txt'), 'SECRET-SIBLING');

  const protocol = createFakeProtocol();
  handleAppProtocol(asReal<Protocol>(protocol), root);
  expect(protocol.handle).toHaveBeenCalledTimes(1);
  expect(protocol.handle.mock.calls[0]?.[0]).toBe('app');
  handler = protocol.handlers.get('app')!;
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => Promise.resolve(handler(new Request(url, { method })));

describe('registerAppScheme', () => {
  it('registers app:// as a privileged standard, secure, fetch-capable scheme and nothing more', () => {
    const protocol = createFakeProtocol();
    registerAppScheme(asReal<Protocol>(protocol));
    expect(protocol.privileged).toHaveLength(1);
    const [scheme] = protocol.privileged;
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(scheme?.privileges?.bypassCSP).not.toBe(true);
    expect(scheme?.privileges?.allowServiceWorkers).not.toBe(true);
    expect(scheme?.privileges?.corsEnabled).not.toBe(true);
  });
});

describe('app:// file handler', () => {
  it('serves index.html with the CSP and nosniff headers', async () => {
    const response = await get('app://xuncha/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>巡察工作台</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves / as index.html and assets with their MIME types', async () => {
    const rootResponse = await get('app://xuncha/');
    expect(rootResponse.status).toBe(200);
    expect(await rootResponse.text()).toContain('巡察工作台');

    const script = await get('app://xuncha/assets/app-1a2b.js?v=1#x');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');

    const style = await get('app://xuncha/assets/style.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the pdf.js worker as a module script and its data files as binary', async () => {
    mkdirSync(path.join(root, 'pdfjs', 'cmaps'), { recursive: true });
    mkdirSync(path.join(root, 'pdfjs', 'wasm'), { recursive: true });
    writeFileSync(path.join(root, 'assets', 'pdf.worker.min-9f8e.mjs'), 'export {}');
    writeFileSync(path.join(root, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap'), Buffer.from([0xe0, 0x01, 0x02]));
    writeFileSync(path.join(root, 'pdfjs', 'wasm', 'openjpeg_nowasm_fallback.js'), 'export default () => null');

    // nosniff is on: a module worker served as anything but JavaScript would not start.
    const worker = await get('app://xuncha/assets/pdf.worker.min-9f8e.mjs');
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const cmap = await get('app://xuncha/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
    expect(cmap.status).toBe(200);
    expect(cmap.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await cmap.arrayBuffer())]).toEqual([0xe0, 0x01, 0x02]);
    const decoder = await get('app://xuncha/pdfjs/wasm/openjpeg_nowasm_fallback.js');
    expect(decoder.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // The worker runs under the app's CSP like the page (no eval, no WebAssembly).
    expect(worker.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://xuncha/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('the files outside the root really exist (so the traversal tests below mean something)', () => {
    expect(readFileSync(path.join(root, '..', 'secret.txt'), 'utf8')).toBe('SECRET-OUTSIDE');
    expect(readFileSync(path.join(root, '..', 'renderer-evil', 'x.txt'), 'utf8')).toBe('SECRET-SIBLING');
  });

  const traversals = [
    'app://xuncha/../../etc/passwd',
    'app://xuncha/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://xuncha/..%2Fsecret.txt',
    'app://xuncha/%2e%2e%2Fsecret.txt',
    'app://xuncha/assets/..%2F..%2Fsecret.txt',
    'app://xuncha/..%2Frenderer-evil%2Fx.txt',
    `app://xuncha/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    'app://xuncha/%2F%2F..%2F..%2Fsecret.txt',
    'app://xuncha/index.html%00.png',
    'app://xuncha/%E0%A4%A',
  ];
  for (const url of traversals) {
    it(`refuses ${url} with 404 and never leaks a file outside the root`, async () => {
      // Either refused outright, or confined to a (non-existent) path inside the root.
      const resolved = resolveAppFile(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
      const response = await get(url);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).not.toContain('SECRET');
      expect(body).not.toContain('root:');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  }

  it('404s a missing file, a directory, and another host', async () => {
    expect((await get('app://xuncha/missing.js')).status).toBe(404);
    expect((await get('app://xuncha/assets')).status).toBe(404);
    expect((await get('app://xuncha/assets/')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://xuncha/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses encoded ".." that would climb out of the root, before touching the disk', () => {
    expect(resolveAppFile(root, 'app://xuncha/..%2Fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://xuncha/..%2Frenderer-evil%2Fx.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://xuncha/assets/..%2F..%2Fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://xuncha/index.html%00.png')).toBeNull();
    expect(resolveAppFile(root, 'app://evil/index.html')).toBeNull();
  });

  it('resolves in-root paths to files inside the root', () => {
    expect(resolveAppFile(root, 'app://xuncha/assets/../index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://xuncha/assets/app-1a2b.js')).toBe(path.join(root, 'assets', 'app-1a2b.js'));
  });
});
