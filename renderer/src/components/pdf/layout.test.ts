import { describe, expect, it } from 'vitest';
import { canvasRatio, clampPage, cssSize, fitScale, pageInView, parsePageNumber, PDF_TO_CSS, zoomIn, zoomOut } from './layout';

const A4 = { width: 595.28, height: 841.89 };

describe('PDF viewer layout', () => {
  it('steps the zoom through fixed steps, from any scale in between, within 25%–400%', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    // After 'fit width' the scale lies between steps: the next step up or down, never the same.
    expect(zoomIn(1.37)).toBe(1.5);
    expect(zoomOut(1.37)).toBe(1.25);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.25)).toBe(0.25);
    expect(zoomOut(0.1)).toBe(0.25);
  });

  it('fits a page to the width and keeps its proportions in whole pixels', () => {
    expect(fitScale(A4, 595.28 * PDF_TO_CSS)).toBeCloseTo(1, 6);
    const fit = cssSize(A4, { kind: 'fit' }, 800);
    expect(fit.width).toBe(800);
    expect(fit.height).toBe(Math.floor((800 * 841.89) / 595.28));
    const actual = cssSize(A4, { kind: 'scale', value: 1 }, 800);
    // 210 mm at 96 dpi.
    expect(actual.width).toBe(793);
    expect(cssSize(A4, { kind: 'scale', value: 2 }, 800).width).toBe(1587);
  });

  it('keeps a canvas sharp on dense screens but caps its pixels', () => {
    expect(canvasRatio(800, 1131, 2)).toBe(2);
    expect(canvasRatio(800, 1131, 0.5)).toBe(1);
    const ratio = canvasRatio(4000, 5600, 2);
    expect(ratio).toBeLessThan(1);
    expect(4000 * 5600 * ratio * ratio).toBeLessThanOrEqual(16_000_000 + 1);
  });

  it('knows the page in view from the pages’ tops', () => {
    const tops = [0, 1000, 2000, 3000];
    expect(pageInView(tops, 0, 900)).toBe(1);
    expect(pageInView(tops, 800, 900)).toBe(2);
    expect(pageInView(tops, 2990, 900)).toBe(4);
    expect(pageInView([0], 5000, 900)).toBe(1);
  });

  it('accepts only a page number that exists', () => {
    expect(parsePageNumber(' 2 ', 5)).toBe(2);
    expect(parsePageNumber('0', 5)).toBeNull();
    expect(parsePageNumber('6', 5)).toBeNull();
    expect(parsePageNumber('2a', 5)).toBeNull();
    expect(parsePageNumber('', 5)).toBeNull();
    expect(clampPage(9, 3)).toBe(3);
    expect(clampPage(-1, 3)).toBe(1);
    expect(clampPage(Number.NaN, 3)).toBe(1);
  });
});
