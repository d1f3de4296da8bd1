import { Center, Loader, Text } from '@mantine/core';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { canvasRatio, type PageSize } from './layout';

type State = 'idle' | 'rendering' | 'rendered' | 'failed';

/**
 * One page slot of the viewer: always its full size (so scrolling and page numbers stay right),
 * drawn only while near the view and released when far from it (a 500-page scan would
 * otherwise hold gigabytes of canvas). Each drawing goes to a fresh canvas that replaces the
 * old one when done: no blank flash on zoom, and pdf.js never sees one canvas twice.
 */
export const PdfPage = memo(function PdfPage({
  document,
  pageNumber,
  width,
  height,
  near,
  label,
  onSize,
}: {
  document: PDFDocumentProxy;
  pageNumber: number;
  /** The slot's size in CSS pixels. */
  width: number;
  height: number;
  near: boolean;
  label: string;
  /** Reports the page's own size in points once known (pages of one PDF may differ). */
  onSize: (pageNumber: number, size: PageSize) => void;
}) {
  const t = useT();
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>('idle');

  useEffect(() => {
    const box = holder.current;
    if (!box) return;
    if (!near) {
      // Far from view: give the canvas memory back.
      box.replaceChildren();
      setState('idle');
      return;
    }
    let cancelled = false;
    let task: RenderTask | null = null;
    setState('rendering');
    void (async () => {
      const page = await document.getPage(pageNumber);
      if (cancelled) return;
      const own = page.getViewport({ scale: 1 });
      onSize(pageNumber, { width: own.width, height: own.height });
      const viewport = page.getViewport({ scale: width / own.width });
      const ratio = canvasRatio(viewport.width, viewport.height, window.devicePixelRatio || 1);
      const canvas = window.document.createElement('canvas');
      canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
      canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
      canvas.style.width = '100%';
      canvas.style.height = '100%';
      canvas.style.display = 'block';
      task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (cancelled) return;
      box.replaceChildren(canvas);
      setState('rendered');
    })().catch((error: unknown) => {
      if (cancelled || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
      setState('failed');
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [document, pageNumber, width, near, onSize]);

  return (
    <div
      role="img"
      aria-label={label}
      data-testid="pdf-page"
      data-page-number={pageNumber}
      data-state={state}
      style={{
        position: 'relative',
        width,
        height,
        margin: '0 auto',
        background: 'white',
        boxShadow: '0 1px 4px rgba(0, 0, 0, 0.25)',
        flex: 'none',
      }}
    >
      <div ref={holder} style={{ position: 'absolute', inset: 0 }} />
      {state === 'rendering' && (
        <Center style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
          <Loader size="sm" aria-label={t('files.pdf.renderingPage', { page: pageNumber })} />
        </Center>
      )}
      {state === 'failed' && (
        <Center style={{ position: 'absolute', inset: 0 }} p="md">
          <Text size="sm" c="red" ta="center" role="alert">
            {t('files.pdf.pageFailed', { page: pageNumber })}
          </Text>
        </Center>
      )}
    </div>
  );
});
