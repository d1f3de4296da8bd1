import type { CoreContext } from '../context';
import { createDocumentEngine, type DocumentEngine } from './engine';

/**
 * One document engine per process and font folder: the engine finds and parses its fonts once
 * (the slow part of the first document), so it outlives sessions and vaults. Changing the
 * office's font folder setting makes a new one on the next document.
 */
const engines = new Map<string, DocumentEngine>();

export function documentEngine(ctx: CoreContext): DocumentEngine {
  const fontDir = ctx.active().settings.get().documentsFontDir ?? '';
  const bundledFontDir = ctx.options.bundledFontDir;
  const key = JSON.stringify([fontDir, bundledFontDir ?? null]);
  let engine = engines.get(key);
  if (!engine) {
    engine = createDocumentEngine({
      ...(fontDir ? { fontDirs: [fontDir] } : {}),
      ...(bundledFontDir ? { bundledFontDir } : {}),
    });
    engines.set(key, engine);
  }
  return engine;
}
