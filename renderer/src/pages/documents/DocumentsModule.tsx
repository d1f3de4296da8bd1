import { Box, Loader, Stack, Tabs } from '@mantine/core';
import { IconFileText, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { RoundSelect, useRounds } from '../findings/pickers';
import { DocumentEditor } from './DocumentEditor';
import { DocumentsList } from './DocumentsList';
import { PrintRegisterTab } from './PrintRegisterTab';

type TabKey = 'documents' | 'register';

/** The tab, round and open document survive a lock: unlocking as the same user returns to them. */
let remembered: { userId: number; tab: TabKey; roundId: number | null | undefined; documentId: number | null } | null = null;

/** 文书: the round's formal documents (drafted from templates, edited with a live preview, finalised, printed) and the print register. */
export function DocumentsModule() {
  const t = useT();
  const { user } = useActiveStatus();
  const mine = remembered?.userId === user.id ? remembered : null;
  const [tab, setTab] = useState<TabKey>(mine?.tab ?? 'documents');
  // undefined: not chosen yet, so the newest round; null: all rounds.
  const [chosenRound, setChosenRound] = useState<number | null | undefined>(mine?.roundId);
  const [documentId, setDocumentId] = useState<number | null>(mine?.documentId ?? null);
  const rounds = useRounds();
  const roundId = chosenRound === undefined ? (rounds.data?.[0]?.id ?? null) : chosenRound;
  const ready = rounds.data !== null || rounds.error !== null;

  useEffect(() => {
    remembered = { userId: user.id, tab, roundId: chosenRound, documentId };
  }, [user.id, tab, chosenRound, documentId]);

  if (documentId !== null) {
    return <DocumentEditor key={documentId} documentId={documentId} onClose={() => setDocumentId(null)} />;
  }
  return (
    <Stack gap="md" data-testid="documents-page">
      <PageHeader
        title={t('nav.documents')}
        subtitle={t('documents.subtitle')}
        actions={
          <Box w={320}>
            <RoundSelect rounds={rounds.data} value={roundId} onChange={setChosenRound} label={t('findings.round.label')} clearable testId="documents-round" />
          </Box>
        }
      />
      <ErrorAlert error={rounds.error} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value === 'documents' || value === 'register') setTab(value);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />} data-testid="documents-tab-list">
            {t('documents.tab.list')}
          </Tabs.Tab>
          <Tabs.Tab value="register" leftSection={<IconPrinter size={16} />} data-testid="documents-tab-register">
            {t('documents.tab.register')}
          </Tabs.Tab>
        </Tabs.List>
        <Box pt="md">
          {!ready && <Loader size="sm" />}
          {ready && tab === 'documents' && <DocumentsList key={roundId ?? 'all'} roundId={roundId} onOpen={setDocumentId} />}
          {ready && tab === 'register' && <PrintRegisterTab key={roundId ?? 'all'} roundId={roundId} />}
        </Box>
      </Tabs>
    </Stack>
  );
}
