import { ActionIcon, Alert, Box, Button, Center, Divider, Group, Loader, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowAutofitWidth, IconChevronDown, IconChevronUp, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../i18n';
import { clampPage, cssSize, pageInView, parsePageNumber, zoomIn, zoomOut, type PageSize, type Zoom } from './pdf/layout';
import { openPdf, PdfOpenError, type PdfFailure } from './pdf/pdfjs';

export { preloadPdfJs } from './pdf/pdfjs';
import { PdfPage } from './pdf/PdfPage';

type Load = { kind: 'loading' } | { kind: 'ready'; document: PDFDocumentProxy; firstPage: PageSize } | { kind: 'error'; reason: PdfFailure };

const failureText: Record<PdfFailure, MessageKey> = {
  invalid: 'files.pdf.invalid',
  password: 'files.pdf.password',
  engine: 'files.pdf.engine',
};

/** Space around the pages inside the scrolling area, in CSS pixels. */
const PAD = 16;
const GAP = 12;

export interface PdfViewerProps {
  /** The PDF's bytes, in memory (never written to disk). The viewer keeps them unchanged. */
  data: Uint8Array;
  /** The page to open at (1-based; default 1). */
  initialPage?: number;
  /** Height of the page area (CSS length; default 70vh). */
  height?: string | number;
  /** Names the document for screen readers, e.g. the file name. */
  title?: string;
  /**
   * Focus the pages when a document opens, so the keys work at once (default). A live preview
   * beside an editor turns this off: each refresh would take the cursor from the typist.
   */
  autoFocus?: boolean;
}

/**
 * A PDF reader drawn with pdf.js into canvases: page by page as they come near the view,
 * with page navigation (buttons, page number, PageUp/PageDown and the arrow keys, Home/End)
 * and zoom (fit width, 100%, + and −). Generic: clue files, receipts and, later, previews of
 * generated documents all use it. A PDF pdf.js cannot read gets a plain Chinese explanation.
 */
export function PdfViewer({ data, initialPage = 1, height = '70vh', title, autoFocus = true }: PdfViewerProps) {
  const t = useT();
  // What was loaded, for which bytes: new bytes mean 'loading' until their answer arrives.
  const [loaded, setLoaded] = useState<{ source: Uint8Array; load: Load } | null>(null);
  const load: Load = loaded?.source === data ? loaded.load : { kind: 'loading' };
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fit' });
  const [page, setPage] = useState(1);
  const [pageText, setPageText] = useState('1');
  // Pages' own sizes as they become known, per document.
  const [known, setKnown] = useState<{ document: PDFDocumentProxy | null; sizes: Record<number, PageSize> }>({ document: null, sizes: {} });
  const [near, setNear] = useState<ReadonlySet<number>>(new Set());
  const [available, setAvailable] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const slots = useRef(new Map<number, HTMLElement>());
  const pendingPage = useRef<number | null>(null);

  useEffect(() => {
    let closed = false;
    const loading = openPdf(data);
    loading.promise
      .then(async (document) => {
        const first = (await document.getPage(1)).getViewport({ scale: 1 });
        if (closed) return;
        const start = clampPage(initialPage, document.numPages);
        pendingPage.current = start;
        setPage(start);
        setPageText(String(start));
        setLoaded({ source: data, load: { kind: 'ready', document, firstPage: { width: first.width, height: first.height } } });
      })
      .catch((error: unknown) => {
        if (closed) return;
        setLoaded({ source: data, load: { kind: 'error', reason: error instanceof PdfOpenError ? error.reason : 'invalid' } });
      });
    return () => {
      closed = true;
      loading.destroy();
    };
  }, [data, initialPage]);

  const pageCount = load.kind === 'ready' ? load.document.numPages : 0;

  // The width pages can take: the scrolling area less its padding (and its scrollbar).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setAvailable(Math.max(element.clientWidth - 2 * PAD, 100));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [load.kind]);

  const pdf = load.kind === 'ready' ? load.document : null;
  const firstPage = load.kind === 'ready' ? load.firstPage : null;
  const sizes = known.document === pdf ? known.sizes : null;
  const boxes = useMemo(() => {
    if (!firstPage || available === 0) return [];
    return Array.from({ length: pageCount }, (_, index) => cssSize(sizes?.[index + 1] ?? firstPage, zoom, available));
  }, [firstPage, pageCount, sizes, zoom, available]);

  // Pages within a screen's height of the view are drawn; the rest are released.
  useEffect(() => {
    const root = scroller.current;
    if (!root || boxes.length === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const number = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(number);
            else next.delete(number);
          }
          return next;
        });
      },
      { root, rootMargin: '100% 0px' },
    );
    for (const element of slots.current.values()) observer.observe(element);
    return () => observer.disconnect();
  }, [boxes.length]);

  const scrollToPage = useCallback((target: number) => {
    const element = slots.current.get(target);
    const root = scroller.current;
    if (element && root) root.scrollTop = element.offsetTop - PAD;
  }, []);

  // The opening page, and the page in view kept in view when the zoom changes.
  useLayoutEffect(() => {
    if (boxes.length === 0) return;
    const target = pendingPage.current ?? page;
    pendingPage.current = null;
    scrollToPage(target);
    // Only a change of layout moves the view; reading position is tracked by onScroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoom, available, boxes.length, scrollToPage]);

  const goTo = useCallback(
    (target: number) => {
      if (pageCount === 0) return;
      const next = clampPage(target, pageCount);
      setPage(next);
      setPageText(String(next));
      scrollToPage(next);
    },
    [pageCount, scrollToPage],
  );

  const onScroll = () => {
    const root = scroller.current;
    if (!root || pageCount === 0) return;
    const tops = Array.from({ length: pageCount }, (_, index) => slots.current.get(index + 1)?.offsetTop ?? 0);
    const current = pageInView(tops, root.scrollTop, root.clientHeight);
    // At the end of the document the last pages cannot scroll up to the reading line: a page
    // chosen there (PageDown, the page box) stays chosen while its top is in view.
    const atEnd = root.scrollTop + root.clientHeight >= root.scrollHeight - 2;
    const chosenTop = tops[page - 1] ?? 0;
    const chosenInView = chosenTop >= root.scrollTop && chosenTop < root.scrollTop + root.clientHeight;
    if (atEnd && chosenInView && page > current) return;
    if (current !== page) {
      setPage(current);
      setPageText(String(current));
    }
  };

  const shownScale = boxes[page - 1]?.scale ?? 1;
  const zoomBy = (direction: 1 | -1) => setZoom({ kind: 'scale', value: direction > 0 ? zoomIn(shownScale) : zoomOut(shownScale) });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (load.kind !== 'ready' || event.altKey || event.ctrlKey || event.metaKey) return;
    // Typing in the page number box: only Enter (handled there) and the page keys act.
    const typing = event.target instanceof HTMLInputElement;
    const actions: Record<string, (() => void) | undefined> = {
      PageDown: () => goTo(page + 1),
      PageUp: () => goTo(page - 1),
      ArrowDown: typing ? undefined : () => goTo(page + 1),
      ArrowRight: typing ? undefined : () => goTo(page + 1),
      ArrowUp: typing ? undefined : () => goTo(page - 1),
      ArrowLeft: typing ? undefined : () => goTo(page - 1),
      Home: typing ? undefined : () => goTo(1),
      End: typing ? undefined : () => goTo(pageCount),
      '+': typing ? undefined : () => zoomBy(1),
      '=': typing ? undefined : () => zoomBy(1),
      '-': typing ? undefined : () => zoomBy(-1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const commitPageText = () => {
    const typed = parsePageNumber(pageText, pageCount);
    if (typed === null) setPageText(String(page));
    else goTo(typed);
  };

  const onSize = useCallback(
    (number: number, size: PageSize) => {
      setKnown((previous) => {
        const base = previous.document === pdf ? previous.sizes : {};
        const same = base[number];
        if (previous.document === pdf && same && same.width === size.width && same.height === size.height) return previous;
        return { document: pdf, sizes: { ...base, [number]: size } };
      });
    },
    [pdf],
  );

  // Focus the pages once the document is open, so the keys work at once.
  useEffect(() => {
    if (autoFocus && load.kind === 'ready') scroller.current?.focus({ preventScroll: true });
  }, [autoFocus, load.kind]);

  if (load.kind === 'error') {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('files.pdf.cannotShow')} role="alert" data-testid="pdf-viewer" data-state="error" data-error={load.reason}>
        <Text size="sm">{t(failureText[load.reason])}</Text>
      </Alert>
    );
  }

  const ready = load.kind === 'ready';
  const percent = `${Math.round(shownScale * 100)}%`;

  return (
    <Stack gap={6} data-testid="pdf-viewer" data-state={load.kind} data-page={ready ? page : undefined} data-pages={ready ? pageCount : undefined} onKeyDown={onKeyDown}>
      <Group gap={6} justify="space-between" wrap="wrap" role="toolbar" aria-label={t('files.pdf.toolbar')}>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('files.pdf.previous')} withArrow openDelay={400}>
            <ActionIcon variant="default" size="md" onClick={() => goTo(page - 1)} disabled={!ready || page <= 1} aria-label={t('files.pdf.previous')} data-testid="pdf-previous">
              <IconChevronUp size={16} />
            </ActionIcon>
          </Tooltip>
          <TextInput
            size="xs"
            w={58}
            value={pageText}
            onChange={(event) => setPageText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commitPageText();
            }}
            onBlur={commitPageText}
            disabled={!ready}
            inputMode="numeric"
            aria-label={t('files.pdf.pageNumber')}
            styles={{ input: { textAlign: 'center' } }}
            data-testid="pdf-page-input"
          />
          <Text size="sm" c="dimmed" data-testid="pdf-page-count" style={{ whiteSpace: 'nowrap' }}>
            / {ready ? pageCount : '…'}
          </Text>
          <Tooltip label={t('files.pdf.next')} withArrow openDelay={400}>
            <ActionIcon variant="default" size="md" onClick={() => goTo(page + 1)} disabled={!ready || page >= pageCount} aria-label={t('files.pdf.next')} data-testid="pdf-next">
              <IconChevronDown size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('files.pdf.zoomOut')} withArrow openDelay={400}>
            <ActionIcon variant="default" size="md" onClick={() => zoomBy(-1)} disabled={!ready} aria-label={t('files.pdf.zoomOut')} data-testid="pdf-zoom-out">
              <IconZoomOut size={16} />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" w={48} ta="center" data-testid="pdf-zoom" aria-live="polite">
            {ready ? percent : ''}
          </Text>
          <Tooltip label={t('files.pdf.zoomIn')} withArrow openDelay={400}>
            <ActionIcon variant="default" size="md" onClick={() => zoomBy(1)} disabled={!ready} aria-label={t('files.pdf.zoomIn')} data-testid="pdf-zoom-in">
              <IconZoomIn size={16} />
            </ActionIcon>
          </Tooltip>
          <Divider orientation="vertical" mx={2} />
          <Button
            size="compact-sm"
            variant={zoom.kind === 'fit' ? 'light' : 'default'}
            leftSection={<IconArrowAutofitWidth size={14} />}
            onClick={() => setZoom({ kind: 'fit' })}
            disabled={!ready}
            aria-pressed={zoom.kind === 'fit'}
            data-testid="pdf-fit-width"
          >
            {t('files.pdf.fitWidth')}
          </Button>
          <Button
            size="compact-sm"
            variant={zoom.kind === 'scale' && zoom.value === 1 ? 'light' : 'default'}
            onClick={() => setZoom({ kind: 'scale', value: 1 })}
            disabled={!ready}
            aria-pressed={zoom.kind === 'scale' && zoom.value === 1}
            data-testid="pdf-actual-size"
          >
            100%
          </Button>
        </Group>
      </Group>
      <Box
        ref={scroller}
        tabIndex={0}
        role="document"
        aria-label={title ? t('files.pdf.documentNamed', { name: title }) : t('files.pdf.document')}
        aria-busy={!ready}
        onScroll={onScroll}
        data-testid="pdf-pages"
        style={{
          position: 'relative',
          height,
          overflow: 'auto',
          background: 'var(--mantine-color-gray-2)',
          borderRadius: 6,
          outlineOffset: 2,
        }}
      >
        {!ready && (
          <Center h="100%">
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t('files.pdf.opening')}
              </Text>
            </Group>
          </Center>
        )}
        {ready && (
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: GAP, padding: PAD, width: 'max-content', minWidth: '100%' }}>
            {boxes.map((box, index) => {
              const number = index + 1;
              return (
                <div
                  key={number}
                  data-page-number={number}
                  ref={(element) => {
                    if (element) slots.current.set(number, element);
                    else slots.current.delete(number);
                  }}
                  style={{ alignSelf: box.width < available ? 'center' : 'flex-start' }}
                >
                  <PdfPage
                    document={load.document}
                    pageNumber={number}
                    width={box.width}
                    height={box.height}
                    near={near.has(number)}
                    label={t('files.pdf.pageLabel', { page: number, pages: pageCount })}
                    onSize={onSize}
                  />
                </div>
              );
            })}
          </div>
        )}
      </Box>
    </Stack>
  );
}
