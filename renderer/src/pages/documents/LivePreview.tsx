import { Alert, Badge, Card, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { LetterDocument } from '../../../../shared/documents';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { base64ToBytes } from '../../api/files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfViewer } from '../../components/PdfViewer';
import { useT } from '../../i18n';

/** Typing pauses this long before the engine lays the letter out again. */
const DEBOUNCE_MS = 600;

interface Shown {
  data: Uint8Array;
  pages: number;
  substitutes: boolean;
}

/**
 * The letter as the engine prints it, rendered again ~600 ms after the last change (marked 预览稿
 * by the core, never stored or registered). The last good preview stays while the next one is
 * made, so the pages do not flash; only the newest request's answer is shown.
 */
export function LivePreview({ content, title }: { content: LetterDocument; title: string }) {
  const t = useT();
  const key = JSON.stringify(content);
  // The content each answer was for: pending while the newest content has none yet.
  const [answer, setAnswer] = useState<{ key: string; shown: Shown | null; error: AppErrorShape | null; made: number }>({
    key: '',
    shown: null,
    error: null,
    made: 0,
  });
  const latest = useRef('');
  const pending = answer.key !== key;
  const { shown, error } = answer;

  useEffect(() => {
    latest.current = key;
    const timer = window.setTimeout(() => {
      void invoke('documents.preview', { content: JSON.parse(key) as LetterDocument }).then((result) => {
        if (latest.current !== key) return;
        if (!result.ok) {
          setAnswer((previous) => ({ ...previous, key, error: result.error }));
          return;
        }
        const shown = { data: base64ToBytes(result.value.base64), pages: result.value.pages, substitutes: result.value.substitutes };
        setAnswer((previous) => ({ key, error: null, made: previous.made + 1, shown }));
      });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="live-preview"
      data-pending={pending ? 'true' : 'false'}
      data-made={answer.made}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('documents.preview.title')}
          </Text>
          <Group gap="xs">
            {pending && <Loader size="xs" aria-label={t('documents.preview.updating')} data-testid="live-preview-loader" />}
            {shown && (
              <Badge variant="light" data-testid="live-preview-pages" data-pages={shown.pages}>
                {t('documents.preview.pages', { pages: shown.pages })}
              </Badge>
            )}
            {shown?.substitutes && (
              <Badge color="yellow" variant="light" leftSection={<IconAlertTriangle size={12} />}>
                {t('documents.fonts.substituteShort')}
              </Badge>
            )}
          </Group>
        </Group>
        <ErrorAlert error={error} title={t('documents.preview.failed')} coreDetail />
        {shown ? (
          <PdfViewer data={shown.data} height="calc(100vh - 260px)" title={title} autoFocus={false} />
        ) : error ? (
          <Alert color="gray" variant="light">
            {t('documents.preview.none')}
          </Alert>
        ) : (
          <Center h="calc(100vh - 220px)">
            <Loader />
          </Center>
        )}
      </Stack>
    </Card>
  );
}
