import { Checkbox, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExchangeExportResult, TrustedOffice } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

/**
 * 导出数据包: which round, to which registered office, and whether the clues go too (offered
 * only to those who may read clues; the core checks again). The core asks where to save.
 */
export function ExportDialog({
  recipients,
  mayIncludeClues,
  onClose,
  onExported,
}: {
  recipients: TrustedOffice[];
  mayIncludeClues: boolean;
  onClose: () => void;
  onExported: (result: ExchangeExportResult | null) => void;
}) {
  const t = useT();
  const rounds = useChannel('rounds.list', {});
  const [roundId, setRoundId] = useState<string | null>(null);
  const [recipient, setRecipient] = useState<string | null>(recipients.length === 1 ? recipients[0]!.fingerprint : null);
  const [includeClues, setIncludeClues] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  const submit = async () => {
    if (!roundId || !recipient) {
      setError({ code: 'INVALID_INPUT', message: t('exchange.export.required') });
      return;
    }
    await run(() => invoke('exchange.export', { roundId: Number(roundId), to: { fingerprint: recipient }, includeClues }), onExported);
  };

  return (
    <FormDialog title={t('exchange.export.title')} busy={busy} error={error} coreDetail onClose={onClose} onSubmit={submit} submitLabel={busy ? t('exchange.export.busy') : t('exchange.export.submit')} submitTestId="exchange-export-submit" testId="exchange-export-form">
      <Select
        label={t('exchange.export.round')}
        data={(rounds.data ?? []).map((r) => ({ value: String(r.id), label: r.label }))}
        value={roundId}
        onChange={setRoundId}
        searchable
        required
        data-autofocus
        data-testid="exchange-export-round"
      />
      <Select
        label={t('exchange.export.recipient')}
        data={recipients.map((o) => ({ value: o.fingerprint, label: `${o.name}（${o.code}）` }))}
        value={recipient}
        onChange={setRecipient}
        required
        error={recipients.length === 0 ? t('exchange.export.noRecipient') : undefined}
        data-testid="exchange-export-recipient"
      />
      {mayIncludeClues && (
        <>
          <Checkbox label={t('exchange.export.clues')} checked={includeClues} onChange={(event) => setIncludeClues(event.currentTarget.checked)} data-testid="exchange-export-clues" />
          <Text size="xs" c="dimmed">
            {t('exchange.export.cluesHint')}
          </Text>
        </>
      )}
    </FormDialog>
  );
}
