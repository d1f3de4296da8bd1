import { Alert, Button, Code, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { OfficeCardView, TrustedOffice } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { groupedFingerprint } from './fingerprint';

/**
 * 登记公钥卡: the card pasted or read from a file, its fingerprint computed here, and the one the
 * other office read out typed in; the core registers it only when the two match.
 */
export function TrustDialog({ onClose, onTrusted }: { onClose: () => void; onTrusted: (office: TrustedOffice) => void }) {
  const t = useT();
  const [cardText, setCardText] = useState('');
  const [card, setCard] = useState<OfficeCardView | null>(null);
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useSubmit();

  const read = (fromFile: boolean) =>
    run(
      () => invoke('exchange.readCard', fromFile ? {} : { cardText }),
      (view) => {
        if (!view) return;
        setCard(view);
        if (fromFile) setCardText(view.cardText);
      },
    );

  const submit = async () => {
    if (!card) {
      setError({ code: 'INVALID_INPUT', message: t('exchange.trust.needCard') });
      return;
    }
    await run(() => invoke('exchange.trust', { cardText, confirmFingerprint: confirm }), onTrusted);
  };

  return (
    <FormDialog title={t('exchange.trust.title')} size="lg" busy={busy} error={error} onClose={onClose} onSubmit={submit} submitLabel={t('exchange.trust.submit')} submitTestId="exchange-trust-submit" testId="exchange-trust-form">
      <Textarea
        label={t('exchange.trust.cardText')}
        description={t('exchange.trust.cardTextHint')}
        value={cardText}
        onChange={(event) => {
          setCardText(event.currentTarget.value);
          setCard(null);
        }}
        autosize
        minRows={5}
        maxRows={10}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        data-testid="exchange-trust-card"
        data-autofocus
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void read(false)} disabled={busy || !cardText.trim()} data-testid="exchange-trust-read">
          {t('exchange.trust.check')}
        </Button>
        <Button variant="subtle" leftSection={<IconFileImport size={16} />} onClick={() => void read(true)} disabled={busy} data-testid="exchange-trust-file">
          {t('exchange.trust.fromFile')}
        </Button>
      </Group>
      {card && (
        <Alert variant="light" color="blue" data-testid="exchange-trust-computed">
          <Stack gap={4}>
            <Text size="sm">{t('exchange.trust.cardOf', { name: card.name, code: card.code, level: t(`exchange.level.${card.level}`) })}</Text>
            <Text size="sm">{t('exchange.trust.computed')}：</Text>
            <Code fz="md">{groupedFingerprint(card.fingerprint)}</Code>
          </Stack>
        </Alert>
      )}
      <TextInput
        label={t('exchange.trust.confirm')}
        description={t('exchange.trust.confirmHint')}
        value={confirm}
        onChange={(event) => setConfirm(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid="exchange-trust-confirm"
      />
    </FormDialog>
  );
}
