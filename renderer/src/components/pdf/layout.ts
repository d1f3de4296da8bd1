/**
 * The arithmetic of the PDF viewer, kept apart from React and pdf.js so it can be tested in
 * plain Node: zoom steps, page sizes on screen, canvas resolution, which page is in view.
 */

/** CSS pixels per PDF point at 100%: a page shows at its printed size (96 dpi over 72 pt). */
export const PDF_TO_CSS = 96 / 72;

/** 'fit' follows the viewer's width; a scale is relative to the printed size (1 = 100%). */
export type Zoom = { kind: 'fit' } | { kind: 'scale'; value: number };

export const ZOOM_STEPS: readonly number[] = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
export const MIN_ZOOM = ZOOM_STEPS[0]!;
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** The next step above the scale now shown (which may lie between steps, after 'fit'). */
export function zoomIn(current: number): number {
  return ZOOM_STEPS.find((step) => step > current + 0.005) ?? MAX_ZOOM;
}

export function zoomOut(current: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < current - 0.005) ?? MIN_ZOOM;
}

/** A page's size in points (pdf.js viewport at scale 1). */
export interface PageSize {
  width: number;
  height: number;
}

/** The scale (1 = 100%) at which a page fills the available width. */
export function fitScale(page: PageSize, availableWidth: number): number {
  if (page.width <= 0 || availableWidth <= 0) return 1;
  return availableWidth / (page.width * PDF_TO_CSS);
}

/** The page's box on screen in whole CSS pixels. */
export function cssSize(page: PageSize, zoom: Zoom, availableWidth: number): { width: number; height: number; scale: number } {
  const scale = zoom.kind === 'fit' ? fitScale(page, availableWidth) : zoom.value;
  // The epsilon keeps 799.9999… (floating point) from losing a whole pixel.
  const width = Math.max(1, Math.floor(page.width * PDF_TO_CSS * scale + 1e-6));
  const height = Math.max(1, Math.floor((width * page.height) / Math.max(page.width, 1)));
  return { width, height, scale };
}

/**
 * Device pixels per CSS pixel for a page's canvas: sharp on high-density screens, but never
 * more than `maxPixels` in all (a 400% A3 page at 2× would need ~500 MB of canvas).
 */
export function canvasRatio(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = 16_000_000): number {
  const wanted = Math.max(devicePixelRatio, 1);
  const area = Math.max(cssWidth * cssHeight, 1);
  return Math.min(wanted, Math.sqrt(maxPixels / area));
}

export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(Math.round(page), 1), Math.max(pageCount, 1));
}

/**
 * The page a reader is on: the last page whose top is above a line a third of the way down
 * the view. `tops` are the pages' top offsets in the scrolling area, in page order.
 */
export function pageInView(tops: readonly number[], scrollTop: number, viewHeight: number): number {
  const line = scrollTop + viewHeight / 3;
  let low = 0;
  let high = tops.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tops[middle]! <= line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found + 1;
}

/** The page number a reader typed ('3', ' 12 '), or null for anything else. */
export function parsePageNumber(text: string, pageCount: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const page = Number(trimmed);
  return page >= 1 && page <= pageCount ? page : null;
}
