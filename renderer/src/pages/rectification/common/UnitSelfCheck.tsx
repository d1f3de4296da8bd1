import { Badge, Button, Card, FileButton, Group, Pagination, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommonList, CommonListUnit, SelfCheck, SelfCheckRow } from '../../../../../shared/contract';
import type { AppErrorShape } from '../../../../../shared/result';
import { invoke } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSubmit } from '../../../components/useSubmit';
import { useFormatDate, useT } from '../../../i18n';
import { checkUpload, CLUE_ACCEPT, readFileAsBase64 } from '../../findings/files';
import { FileViewer } from '../../findings/FileViewer';
import { StoredFileCell, UploadProblemAlert, ViewFileButton, type UploadProblem } from '../../findings/StoredFileParts';

const PAGE = 10;

/** One unit's self-check of every item of the list, ten items a page. */
export function UnitSelfCheck({ list, unit, mayWrite, onChanged }: { list: CommonList; unit: CommonListUnit; mayWrite: boolean; onChanged: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<SelfCheckRow[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [page, setPage] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    void invoke('selfChecks.ofUnit', { listId: list.id, unitId: unit.unitId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setRows(result.value);
      else setError(result.error);
    });
    heading.current?.focus();
    return () => {
      cancelled = true;
    };
  }, [list.id, unit.unitId]);

  const replace = (row: SelfCheckRow) => {
    setRows((before) => before?.map((r) => (r.commonProblemId === row.commonProblemId ? row : r)) ?? null);
    onChanged();
  };
  const shown = rows?.slice((page - 1) * PAGE, page * PAGE) ?? [];

  return (
    <Stack gap="sm" data-testid="common-unit-checks" data-unit={unit.unitName}>
      <Title order={4} ref={heading} tabIndex={-1} data-testid="common-unit-title">
        {unit.unitName} · {t('commonList.checks.title')}
      </Title>
      <ErrorAlert error={error} />
      {shown.map((row) => (
        <CheckCard key={row.commonProblemId} row={row} unitId={unit.unitId} deadline={list.deadline} mayWrite={mayWrite} onSaved={replace} />
      ))}
      {rows && rows.length > PAGE && (
        <Group justify="flex-end">
          <Pagination total={Math.ceil(rows.length / PAGE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}

type Answer = 'found' | 'notFound';

function CheckCard({ row, unitId, deadline, mayWrite, onSaved }: { row: SelfCheckRow; unitId: number; deadline: string | null; mayWrite: boolean; onSaved: (row: SelfCheckRow) => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const check = row.check;
  const [answer, setAnswer] = useState<Answer | null>(check ? (check.found ? 'found' : 'notFound') : null);
  const [measures, setMeasures] = useState(check?.measures ?? '');
  const [fixedOn, setFixedOn] = useState<string | null>(check?.fixedOn ?? null);
  const [viewing, setViewing] = useState<SelfCheck['files'][number] | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problem, setProblem] = useState<UploadProblem | null>(null);
  const [uploadError, setUploadError] = useState<AppErrorShape | null>(null);
  const { busy, error, run } = useSubmit();

  const save = () =>
    run(
      () => invoke('selfChecks.save', { commonProblemId: row.commonProblemId, unitId, found: answer === 'found', measures: measures.trim(), fixedOn: answer === 'found' ? fixedOn : null }),
      onSaved,
    );

  const upload = async (file: File | null) => {
    if (!file || !check || uploading) return;
    setProblem(null);
    setUploadError(null);
    const checked = checkUpload(file);
    if ('problem' in checked) return setProblem(checked.problem);
    setUploading(file.name);
    const result = await invoke('selfChecks.attachEvidence', { selfCheckId: check.id, fileName: file.name, mime: checked.mime, base64: await readFileAsBase64(file) });
    setUploading(null);
    if (!result.ok) return setUploadError(result.error);
    onSaved(result.value);
  };
  const load = useCallback(() => invoke('selfChecks.viewEvidence', { selfCheckId: check?.id ?? 0, fileId: viewing?.id ?? 0 }), [check?.id, viewing?.id]);

  return (
    <Card withBorder radius="md" padding="sm" data-testid="common-check-card" data-sequence={row.sequence}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} size="sm">
            {row.sequence}. {row.wording}
          </Text>
          <Group gap={4} wrap="nowrap">
            {!check && <Badge color="gray" variant="light">{t('commonList.checks.unchecked')}</Badge>}
            {check && !check.found && <Badge color="teal" variant="light">{t('commonList.checks.notFound')}</Badge>}
            {check?.found && <Badge color="orange" variant="light">{t('commonList.checks.found')}</Badge>}
            {check?.fixedOn && (
              <Badge color={check.onTime ? 'teal' : 'red'} variant="filled" data-testid="common-check-ontime">
                {check.onTime ? t('commonList.checks.onTime') : t('commonList.checks.late')}
              </Badge>
            )}
          </Group>
        </Group>
        {mayWrite ? (
          <>
            <SegmentedControl
              value={answer ?? ''}
              onChange={(value) => setAnswer(value as Answer)}
              data={[
                { value: 'found', label: t('commonList.checks.found') },
                { value: 'notFound', label: t('commonList.checks.notFound') },
              ]}
              w={260}
              data-testid="common-check-answer"
            />
            {answer === 'found' && (
              <Group align="flex-start" grow>
                <Textarea label={t('commonList.checks.measures')} value={measures} onChange={(e) => setMeasures(e.currentTarget.value)} autosize minRows={2} maxLength={4000} data-testid="common-check-measures" />
                <DateField label={t('commonList.checks.fixedOn')} value={fixedOn} onChange={setFixedOn} description={deadline ? t('commonList.checks.deadline', { date: formatDate(deadline, 'date') }) : undefined} testId="common-check-fixed-on" />
              </Group>
            )}
            <ErrorAlert error={error} coreDetail />
            <Group gap="xs">
              <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} onClick={() => void save()} loading={busy} disabled={answer === null} data-testid="common-check-save">
                {t('commonList.checks.save')}
              </Button>
              {check ? (
                <FileButton onChange={(file) => void upload(file)} accept={CLUE_ACCEPT} inputProps={{ 'aria-label': t('commonList.checks.evidence') }}>
                  {(props) => (
                    <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={uploading !== null} data-testid="common-check-upload">
                      {t('commonList.checks.evidence')}
                    </Button>
                  )}
                </FileButton>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('commonList.checks.saveFirst')}
                </Text>
              )}
            </Group>
          </>
        ) : (
          check && (
            <Text size="sm" c="dimmed">
              {check.measures} {check.fixedOn ? `· ${formatDate(check.fixedOn, 'date')}` : ''}
            </Text>
          )
        )}
        <UploadProblemAlert problem={problem} />
        <ErrorAlert error={uploadError} coreDetail />
        {check && check.files.length > 0 && (
          <Table withTableBorder verticalSpacing={4} data-testid="common-check-files">
            <Table.Tbody>
              {check.files.map((file) => (
                <Table.Tr key={file.id} data-testid="common-check-file">
                  <StoredFileCell file={file} more={[formatDate(file.uploadedAt)]} />
                  <Table.Td w={100} ta="right">
                    <ViewFileButton fileName={file.fileName} onClick={() => setViewing(file)} testId="common-check-view" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {viewing && <FileViewer file={viewing} load={load} title={viewing.fileName} onClose={() => setViewing(null)} />}
    </Card>
  );
}
