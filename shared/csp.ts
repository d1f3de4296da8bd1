/**
 * The Content-Security-Policy every renderer page is served with, in Electron (app:// protocol
 * handler and response headers) and in the Chromium bridge alike. Only the app's own bundle:
 * no remote origin, no eval, no plugins, no framing. Mantine writes its CSS variables into a
 * <style> element at runtime, which is why style-src allows 'unsafe-inline' (styles only; never
 * scripts). pdf.js runs with eval and WebAssembly off, so neither 'unsafe-eval' nor
 * 'wasm-unsafe-eval' is needed. See tools/electronegativity/allowlist.json.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  // pdf.js's worker is a file of the bundle, started by the app itself (not from a blob:).
  "worker-src 'self'",
].join('; ');

/** The custom scheme and host the packaged renderer is served from in Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'xuncha';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
