import { Alert, Box, Button, Card, Grid, Group, Loader, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconArrowLeft, IconDeviceFloppy, IconHistory, IconLock, IconPrinter, IconRestore } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { groupText } from '../findings/labels';
import { BodyEditor } from './BodyEditor';
import { problemsOf, toContent, toDraft, type LetterDraft } from './draft';
import { DraftProblems } from './DraftProblems';
import { FeedbackMeetingForm } from './FeedbackMeetingForm';
import { ClassificationBadge, StatusBadge } from './labels';
import { LetterFieldsForm } from './LetterFieldsForm';
import { LivePreview } from './LivePreview';
import { OnSiteFiguresForm } from './OnSiteFiguresForm';
import { PrintDialog } from './PrintDialog';
import { SaveVersionDialog } from './SaveVersionDialog';
import { VersionsPanel } from './VersionsPanel';

type Dialog = 'save' | 'finalise' | 'print' | null;

/**
 * One document: its fields and body on the left, the live preview on the right. A draft is
 * edited and saved as versions; an older version opens read-only and can be restored as a new
 * one; finalising locks it. Ctrl+S saves a version.
 */
export function DocumentEditor({ documentId, onClose }: { documentId: number; onClose: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const mayPrint = roleMay(user.role, 'documents.print');
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [draft, setDraft] = useState<LetterDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [viewing, setViewing] = useState<DocumentDetail | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const adopt = useCallback((next: DocumentDetail) => {
    setDetail(next);
    setDraft(toDraft(next.content));
    setDirty(false);
    setViewing(null);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void invoke('documents.get', { id: documentId }).then((result) => {
      if (cancelled) return;
      if (result.ok) adopt(result.value);
      else setLoadError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [documentId, adopt]);

  const shownDraft = useMemo(() => (viewing ? toDraft(viewing.content) : draft), [viewing, draft]);
  const content = useMemo(() => (shownDraft ? toContent(shownDraft) : null), [shownDraft]);

  if (!detail || !draft || !shownDraft || !content) {
    return (
      <Stack gap="md" data-testid="document-editor" data-state="loading">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onClose}>
            {t('documents.back')}
          </Button>
        </Group>
        {loadError ? <ErrorAlert error={loadError} /> : <Loader />}
      </Stack>
    );
  }

  const readOnly = viewing !== null || !detail.editable;
  const problems = problemsOf(draft);
  const change = (next: LetterDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const askSave = () => {
    if (readOnly || !dirty) return;
    setShowProblems(true);
    if (problems.length === 0) setDialog('save');
  };
  const openVersion = async (version: number) => {
    if (version === detail.version && viewing === null) return;
    if (version === detail.version) {
      setViewing(null);
      return;
    }
    const result = await invoke('documents.get', { id: documentId, version });
    if (result.ok) setViewing(result.value);
    else setLoadError(result.error);
  };
  const restore = async () => {
    if (!viewing) return;
    setRestoring(true);
    const result = await invoke('documents.saveVersion', {
      id: documentId,
      baseVersion: detail.latestVersion,
      content: viewing.content,
      note: t('documents.versions.restoredNote', { version: viewing.version }),
    });
    setRestoring(false);
    if (!result.ok) {
      setLoadError(result.error);
      return;
    }
    adopt(result.value);
    notifySuccess(t, t('documents.versions.restored', { version: viewing.version, next: result.value.version }));
  };

  return (
    <Stack gap="sm" data-testid="document-editor" data-state="ready" data-version={detail.version} onKeyDown={getHotkeyHandler([['mod+S', askSave]])}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Box style={{ flex: 1, minWidth: 320 }}>
          <Button variant="subtle" size="xs" leftSection={<IconArrowLeft size={16} />} onClick={onClose} data-testid="document-back" mb={4}>
            {t('documents.back')}
          </Button>
          <Title order={2} fz={20} id="page-title" tabIndex={-1} data-testid="document-title">
            {detail.title}
          </Title>
          <Group gap="xs" mt={6}>
            <Text size="sm" c="dimmed">
              {t(`documents.kind.${detail.kind}`)} · {detail.roundLabel}
              {detail.unitName ? ` · ${detail.unitName}` : ''}
              {detail.groupNumber !== null ? ` · ${groupText(t, detail.groupNumber)}` : ''}
            </Text>
            <ClassificationBadge classification={content.classification} period={content.classificationPeriod} />
            <StatusBadge status={detail.status} />
            <Text size="xs" c="dimmed" data-testid="document-version">
              {t('documents.editor.version', { version: viewing?.version ?? detail.version, latest: detail.latestVersion })}
            </Text>
            {dirty && !readOnly && (
              <Text size="xs" c="orange" data-testid="document-dirty">
                {t('documents.editor.unsaved')}
              </Text>
            )}
          </Group>
        </Box>
        <Group gap="xs">
          {detail.editable && viewing === null && (
            <>
              <Tooltip label={t('documents.editor.saveHint')}>
                <Button leftSection={<IconDeviceFloppy size={18} />} onClick={askSave} disabled={!dirty} data-testid="document-save">
                  {t('documents.editor.save')}
                </Button>
              </Tooltip>
              <Tooltip label={dirty ? t('documents.editor.finaliseNeedsSave') : t('documents.editor.finaliseHint')}>
                <Button variant="default" leftSection={<IconLock size={18} />} onClick={() => setDialog('finalise')} disabled={dirty} data-testid="document-finalise">
                  {t('documents.editor.finalise')}
                </Button>
              </Tooltip>
            </>
          )}
          {mayPrint && (
            <Tooltip label={dirty && !readOnly ? t('documents.editor.printNeedsSave') : t('documents.editor.printHint', { version: viewing?.version ?? detail.version })}>
              <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => setDialog('print')} disabled={dirty && !readOnly} data-testid="document-print">
                {t('documents.editor.print')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      {detail.status === 'final' && (
        <Alert color="teal" variant="light" icon={<IconLock size={18} />} data-testid="document-locked">
          {t('documents.editor.locked', { version: detail.finalVersion ?? detail.version, by: detail.finalisedBy ?? '—', at: formatDate(detail.finalisedAt) })}
        </Alert>
      )}
      {viewing && (
        <Alert color="blue" variant="light" icon={<IconHistory size={18} />} data-testid="document-viewing">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t('documents.versions.viewing', { version: viewing.version })}</Text>
            <Group gap="xs">
              {detail.editable && (
                <Button size="xs" leftSection={<IconRestore size={14} />} onClick={() => void restore()} loading={restoring} data-testid="versions-restore">
                  {t('documents.versions.restore')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={() => setViewing(null)} data-testid="versions-back">
                {t('documents.versions.backToCurrent')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {showProblems && !readOnly && <DraftProblems problems={problems} />}
      <ErrorAlert error={loadError} coreDetail />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Card withBorder radius="md" padding="sm">
            <Tabs defaultValue="body" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="body" data-testid="editor-tab-body">
                  {t('documents.editor.tab.body')}
                </Tabs.Tab>
                <Tabs.Tab value="fields" data-testid="editor-tab-fields">
                  {t('documents.editor.tab.fields')}
                </Tabs.Tab>
                {detail.inspectionId !== null && (
                  <Tabs.Tab value="meeting" data-testid="editor-tab-meeting">
                    {detail.kind === 'feedbackLetter' ? t('documents.editor.tab.meeting') : t('documents.editor.tab.figures')}
                  </Tabs.Tab>
                )}
                <Tabs.Tab value="versions" data-testid="editor-tab-versions">
                  {t('documents.editor.tab.versions', { count: detail.versions.length })}
                </Tabs.Tab>
              </Tabs.List>
              <Box pt="sm" style={{ maxHeight: 'calc(100vh - 300px)', overflowY: 'auto' }}>
                <Tabs.Panel value="body">
                  <BodyEditor blocks={shownDraft.blocks} readOnly={readOnly} onChange={(blocks) => change({ ...draft, blocks })} />
                </Tabs.Panel>
                <Tabs.Panel value="fields">
                  <LetterFieldsForm fields={shownDraft.fields} readOnly={readOnly} onChange={(fields) => change({ ...draft, fields })} />
                </Tabs.Panel>
                {detail.inspectionId !== null && (
                  <Tabs.Panel value="meeting">
                    <Stack gap="lg">
                      {detail.kind === 'feedbackLetter' && (
                        <Box>
                          <Text fw={600} mb="xs">
                            {t('documents.meeting.title')}
                          </Text>
                          <FeedbackMeetingForm inspectionId={detail.inspectionId} />
                        </Box>
                      )}
                      <Box>
                        <Text fw={600} mb="xs">
                          {t('documents.figures.title')}
                        </Text>
                        <OnSiteFiguresForm inspectionId={detail.inspectionId} />
                      </Box>
                    </Stack>
                  </Tabs.Panel>
                )}
                <Tabs.Panel value="versions">
                  <VersionsPanel detail={detail} viewing={viewing?.version ?? null} onView={(version) => void openVersion(version)} />
                </Tabs.Panel>
              </Box>
            </Tabs>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <LivePreview content={content} title={detail.title} />
        </Grid.Col>
      </Grid>

      {dialog === 'save' && (
        <SaveVersionDialog
          onClose={() => setDialog(null)}
          onSave={(note) => invoke('documents.saveVersion', { id: documentId, baseVersion: detail.version, content: toContent(draft), note })}
          onSaved={(saved) => {
            setDialog(null);
            setDetail(saved);
            setDirty(false);
            setShowProblems(false);
            notifySuccess(t, t('documents.editor.saved', { version: saved.version }));
          }}
        />
      )}
      {dialog === 'finalise' && (
        <ConfirmDialog
          title={t('documents.finalise.title')}
          body={t('documents.finalise.body', { version: detail.version })}
          quote={detail.title}
          confirmLabel={t('documents.finalise.confirm')}
          coreDetail
          testId="finalise-dialog"
          onConfirm={() => invoke('documents.finalise', { id: documentId, version: detail.version })}
          onClose={() => setDialog(null)}
          onDone={(finalised) => {
            setDialog(null);
            adopt(finalised);
            notifySuccess(t, t('documents.finalise.done'));
          }}
        />
      )}
      {dialog === 'print' && (
        <PrintDialog
          title={detail.title}
          classification={content.classification}
          classificationPeriod={content.classificationPeriod}
          onPrint={(copies, purpose) => invoke('documents.print', { id: documentId, version: viewing?.version ?? detail.version, copies, purpose })}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
