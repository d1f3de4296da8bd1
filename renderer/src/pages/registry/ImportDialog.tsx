import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Modal,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type ComponentProps } from 'react';
import type { ImportMode, ImportResult } from '../../../../shared/contract';
import type { AppErrorShape, IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLocale, useT } from '../../i18n';
import { isXlsxName, MAX_IMPORT_BYTES, readFileAsBase64, saveDownload } from './files';

/** What is imported: the registry's units or 党建考核 results, or a round's problems (findings). */
export type ImportKind = 'units' | 'assessments' | 'problems';

const TITLES = { units: 'registry.import.unitsTitle', assessments: 'registry.import.assessmentsTitle', problems: 'findings.import.title' } as const;
const INTROS = { units: 'registry.import.unitsIntro', assessments: 'registry.import.assessmentsIntro', problems: 'findings.import.intro' } as const;
const OK_TEXTS = { units: 'registry.import.okUnits', assessments: 'registry.import.okAssessments', problems: 'findings.import.ok' } as const;

type Phase =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string; progress: number }
  | { step: 'checking'; fileName: string }
  | { step: 'report'; fileName: string; base64: string; report: ImportResult; confirmGood: boolean }
  | { step: 'importing'; fileName: string; base64: string; report: ImportResult; mode: ImportMode };

/** The years a 党建考核 list can be for: this year and the nine before it. */
function assessmentYears(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, index) => now - index);
}

/**
 * Spreadsheet import, always in two steps: the file is checked first and every problem is listed
 * by row number; only then does the user choose to import all rows (only when there is no
 * problem), or explicitly only the good rows.
 */
export function ImportDialog({
  kind,
  roundId = null,
  onClose,
  onImported,
}: {
  kind: ImportKind;
  /** The round problems are imported into (kind problems only). */
  roundId?: number | null;
  onClose: () => void;
  onImported: (imported: number) => void;
}) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [year, setYear] = useState(() => String(new Date().getFullYear() - 1));
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const resetRef = useRef<() => void>(null);
  const busy = phase.step === 'reading' || phase.step === 'checking' || phase.step === 'importing';

  const send = (fileName: string, base64: string, mode: ImportMode): Promise<IpcResult<ImportResult>> =>
    kind === 'units'
      ? invoke('units.import', { fileName, base64, mode })
      : kind === 'problems'
        ? invoke('problems.import', { fileName, base64, mode, roundId: roundId ?? 0 })
        : invoke('units.importAssessments', { fileName, base64, mode, year: Number(year) });

  const choose = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setError(null);
    if (!isXlsxName(file.name)) {
      setError({ code: 'IMPORT_UNREADABLE', message: '' });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setError({ code: 'INVALID_INPUT', message: '', details: { issues: [t('registry.import.tooLarge')] } });
      return;
    }
    setPhase({ step: 'reading', fileName: file.name, progress: 0 });
    let base64: string;
    try {
      base64 = await readFileAsBase64(file, (progress) => setPhase({ step: 'reading', fileName: file.name, progress }));
    } catch {
      setPhase({ step: 'choose' });
      setError({ code: 'IMPORT_UNREADABLE', message: '' });
      return;
    }
    setPhase({ step: 'checking', fileName: file.name });
    const result = await send(file.name, base64, 'validate');
    if (!result.ok) {
      setPhase({ step: 'choose' });
      setError(result.error);
      return;
    }
    setPhase({ step: 'report', fileName: file.name, base64, report: result.value, confirmGood: false });
  };

  const commit = async (mode: ImportMode) => {
    if (phase.step !== 'report') return;
    const { fileName, base64, report } = phase;
    setError(null);
    setPhase({ step: 'importing', fileName, base64, report, mode });
    const result = await send(fileName, base64, mode);
    if (!result.ok) {
      setPhase({ step: 'report', fileName, base64, report, confirmGood: false });
      setError(result.error);
      return;
    }
    if (result.value.imported === 0 && result.value.issues.length > 0) {
      // The file changed between the check and the import: show what the core found now.
      setPhase({ step: 'report', fileName, base64, report: result.value, confirmGood: false });
      return;
    }
    onImported(result.value.imported);
  };

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    const result = kind === 'problems' ? await invoke('problems.importTemplate', { roundId: roundId ?? 0 }) : await invoke('units.importTemplate', {});
    setTemplateBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    saveDownload(result.value);
  };

  const report = phase.step === 'report' || phase.step === 'importing' ? phase.report : null;
  const fileName = phase.step === 'choose' ? null : phase.fileName;

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={t(TITLES[kind])}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md" data-testid="import-dialog" data-step={phase.step}>
        <Text size="sm" c="dimmed">
          {t(INTROS[kind])}
        </Text>

        <Group gap="sm" align="flex-end">
          {kind === 'assessments' && (
            <Select
              label={t('registry.import.year')}
              w={140}
              data={assessmentYears().map((value) => ({ value: String(value), label: t('registry.year', { year: value }) }))}
              value={year}
              onChange={(value) => value && setYear(value)}
              allowDeselect={false}
              disabled={phase.step !== 'choose'}
              data-testid="import-year"
            />
          )}
          <FileButton
            onChange={(file) => void choose(file)}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            resetRef={resetRef}
            disabled={busy}
            inputProps={{ 'data-testid': 'import-file' } as ComponentProps<'input'>}
          >
            {(props) => (
              <Button {...props} variant={report ? 'default' : 'filled'} leftSection={<IconUpload size={16} />} disabled={busy}>
                {report ? t('registry.import.chooseAgain') : t('registry.import.choose')}
              </Button>
            )}
          </FileButton>
          {kind !== 'assessments' && (
            <Button
              variant="subtle"
              leftSection={<IconDownload size={16} />}
              onClick={() => void downloadTemplate()}
              loading={templateBusy}
              data-testid="import-template"
            >
              {t('registry.toolbar.template')}
            </Button>
          )}
        </Group>

        {fileName && (
          <Group gap={6}>
            <IconFileSpreadsheet size={18} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text size="sm" fw={500} data-testid="import-file-name">
              {fileName}
            </Text>
            {report && (
              <Text size="xs" c="dimmed">
                {t('registry.import.sheet', { sheet: report.sheetName })}
              </Text>
            )}
          </Group>
        )}

        {phase.step === 'reading' && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">{t('registry.import.reading')}</Text>
            <Progress value={phase.progress * 100} animated aria-label={t('registry.import.reading')} />
          </Stack>
        )}
        {phase.step === 'checking' && (
          <Group gap="xs" aria-live="polite">
            <Loader size="xs" />
            <Text size="sm">{t('registry.import.checking')}</Text>
          </Group>
        )}

        {error?.code === 'IMPORT_UNREADABLE' ? <UnreadableAlert error={error} /> : <ErrorAlert error={error} />}

        {report && <ImportReport report={report} kind={kind} />}

        {phase.step === 'report' && phase.confirmGood && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-confirm-good">
            <Text size="sm">
              {t('registry.import.confirmGood', {
                good: phase.report.goodRows,
                bad: phase.report.totalRows - phase.report.goodRows,
              })}
            </Text>
            <Group gap="sm" mt="sm">
              <Button size="xs" color="orange" onClick={() => void commit('goodRows')} data-testid="import-confirm-good-yes">
                {t('registry.import.confirmGoodYes', { count: phase.report.goodRows })}
              </Button>
              <Button size="xs" variant="default" onClick={() => setPhase({ ...phase, confirmGood: false })}>
                {t('registry.import.back')}
              </Button>
            </Group>
          </Alert>
        )}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy} data-testid="import-cancel">
            {t('common.cancel')}
          </Button>
          {report && report.issues.length > 0 && report.goodRows > 0 && (
            <Button
              variant="outline"
              color="orange"
              disabled={busy || (phase.step === 'report' && phase.confirmGood)}
              loading={phase.step === 'importing' && phase.mode === 'goodRows'}
              onClick={() => phase.step === 'report' && setPhase({ ...phase, confirmGood: true })}
              data-testid="import-good-rows"
            >
              {t('registry.import.goodOnly', { count: report.goodRows })}
            </Button>
          )}
          {report && (
            <Button
              leftSection={<IconCircleCheck size={16} />}
              disabled={busy || report.issueCount > 0 || report.issues.length > 0 || report.totalRows === 0}
              loading={phase.step === 'importing' && phase.mode === 'all'}
              onClick={() => void commit('all')}
              data-testid="import-all"
            >
              {t('registry.import.all', { count: report.totalRows })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** Counts, and the row-numbered problems (行号, 列, 问题) as the spreadsheet shows them. */
function ImportReport({ report, kind }: { report: ImportResult; kind: ImportKind }) {
  const t = useT();
  const badRows = report.totalRows - report.goodRows;
  const clean = report.issueCount === 0 && report.issues.length === 0;
  return (
    <Stack gap="sm" data-testid="import-report" data-total={report.totalRows} data-good={report.goodRows} data-issues={report.issueCount}>
      {report.totalRows === 0 && clean ? (
        <Alert color="gray" variant="light">
          {t('registry.import.empty')}
        </Alert>
      ) : clean ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="import-summary">
          {t(OK_TEXTS[kind], { total: report.totalRows })}
        </Alert>
      ) : (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-summary">
          {report.goodRows > 0
            ? t('registry.import.hasIssues', { issues: report.issueCount, bad: badRows, good: report.goodRows })
            : t('registry.import.hasIssuesNoGood', { issues: report.issueCount, bad: badRows })}
        </Alert>
      )}
      <Group gap="xs">
        <Badge variant="light" color="gray" radius="sm" size="lg" data-testid="import-count-total">
          {t('registry.import.countTotal', { count: report.totalRows })}
        </Badge>
        <Badge variant="light" color="teal" radius="sm" size="lg" data-testid="import-count-good">
          {t('registry.import.countGood', { count: report.goodRows })}
        </Badge>
        <Badge variant="light" color={badRows > 0 ? 'red' : 'gray'} radius="sm" size="lg" data-testid="import-count-bad">
          {t('registry.import.countBad', { count: badRows })}
        </Badge>
        <Badge variant="light" color={report.issueCount > 0 ? 'red' : 'gray'} radius="sm" size="lg" data-testid="import-count-issues">
          {t('registry.import.countIssues', { count: report.issueCount })}
        </Badge>
      </Group>
      {report.issues.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
          <Table withTableBorder striped verticalSpacing={6} stickyHeader data-testid="import-issues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('registry.import.col.row')}</Table.Th>
                <Table.Th w={140}>{t('registry.import.col.column')}</Table.Th>
                <Table.Th>{t('registry.import.col.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.issues.map((issue, index) => (
                <Table.Tr key={index} data-row={issue.row}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t('registry.import.rowNumber', { row: issue.row })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{issue.column ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{issue.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {report.issueCount > report.issues.length && (
        <Text size="xs" c="dimmed">
          {t('registry.import.moreIssues', { listed: report.issues.length, count: report.issueCount })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * A file refused as a whole. The core says what is wrong in Chinese (too many rows, an old .xls,
 * a damaged file …): show that, under the translated headline.
 */
function UnreadableAlert({ error }: { error: AppErrorShape }) {
  const t = useT();
  const [locale] = useLocale();
  const headline = errorText(t, error);
  const detail = locale === 'zh-CN' && error.message && error.message !== headline ? error.message : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={headline} role="alert" data-testid="error-alert" data-error-code={error.code}>
      {detail && <Text size="sm">{detail}</Text>}
    </Alert>
  );
}
