/**
 * The app:// scheme: the only way the renderer's files reach the window. Registered as a
 * privileged standard + secure scheme before `ready` (so the page gets a real origin, a secure
 * context and fetch), and served strictly from the built renderer folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '../../shared/csp';

export type ProtocolLike = Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

/** Must run before `app` emits `ready`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        // Everything else stays at its safe default: no CSP bypass, no service workers,
        // no CORS from other origins, no extensions.
        bypassCSP: false,
        allowServiceWorkers: false,
        corsEnabled: false,
        allowExtensions: false,
      },
    },
  ]);
}

/** Headers every app:// response carries, whatever its status. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // pdf.js data files (out/renderer/pdfjs/): CMaps, Type 1 standard fonts, ICC profiles.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/x-font-type1',
  '.icc': 'application/vnd.iccprofile',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps an app:// URL to a file inside `rootDir`, or null when it names anything else: another
 * host, an encoded `..` or absolute path that resolves outside the folder, a NUL byte.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';

  const root = path.resolve(rootDir);
  // Strip leading separators so the path is always taken relative to the root, then resolve
  // (which applies every `..`, decoded or not) and check the result is still inside the root.
  const relative = pathname.replace(/^[/\\]+/, '');
  const resolved = path.resolve(root, relative);
  if (resolved === root || !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/** The protocol.handle handler: GET/HEAD of files under `rootDir`, 404 for everything else. */
export function createAppFileHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const filePath = resolveAppFile(rootDir, request.url);
    if (filePath === null) return textResponse(404, 'Not Found');
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) return textResponse(404, 'Not Found');
      // readFile allocates a plain (never shared) ArrayBuffer, which is what BodyInit wants.
      const body = request.method === 'HEAD' ? null : ((await fs.readFile(filePath)) as Uint8Array<ArrayBuffer>);
      return new Response(body, {
        status: 200,
        headers: {
          ...securityHeaders(),
          'Content-Type': contentTypeFor(filePath),
          'Content-Length': String(stat.size),
        },
      });
    } catch {
      return textResponse(404, 'Not Found');
    }
  };
}

/** Call after `ready`: serves app://xuncha/… from `rendererDir` (the built out/renderer). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppFileHandler(rendererDir));
}
