/**
 * What counts as "our own" URL. The renderer is served only from app://xuncha/…; everything the
 * shell allows (navigation, requests, IPC senders) is measured against this one function.
 */
import { APP_HOST, APP_SCHEME } from '../../shared/csp';

/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://xuncha/… . Compares scheme and host, not `URL.origin`: WHATWG URL gives a
 * non-special scheme such as `app:` an opaque origin ("null"), even though Chromium treats our
 * registered standard scheme as a real origin.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/**
 * URLs a page of ours may load besides app://xuncha/…: inline `data:` (allowed by the CSP's
 * img-src; it carries no request off the machine) and `blob:` URLs minted by our own origin.
 */
export function isAllowedSubresourceUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return false;
}
