import { Button, Code, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { groupedFingerprint } from './fingerprint';

/** This office's card: name, code and the fingerprint to read out; the card as a file or as text. */
export function OfficeCardSection() {
  const t = useT();
  const card = useChannel('exchange.card', {});
  const save = useSubmit();
  const view = card.data;
  return (
    <Stack gap="sm" data-testid="exchange-card">
      <ErrorAlert error={card.error ?? save.error} />
      {view && (
        <>
          <Group gap="xl">
            <Text size="sm">
              {t('exchange.card.office')}：{view.name}
            </Text>
            <Text size="sm">
              {t('exchange.card.code')}：{view.code}
            </Text>
          </Group>
          <Group gap="xs" align="baseline">
            <Text size="sm">{t('exchange.card.fingerprint')}：</Text>
            <Code fz="md" data-testid="exchange-own-fingerprint">
              {groupedFingerprint(view.fingerprint)}
            </Code>
          </Group>
          <Group>
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={save.busy}
              onClick={() => void save.run(() => invoke('exchange.saveCard', {}), (saved) => {
                    if (saved) notifySuccess(t, t('exchange.card.saved', { path: saved.path }));
                  })}
              data-testid="exchange-save-card"
            >
              {t('exchange.card.save')}
            </Button>
          </Group>
          <Textarea label={t('exchange.card.text')} value={view.cardText} readOnly autosize minRows={4} maxRows={9} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} data-testid="exchange-card-text" />
        </>
      )}
    </Stack>
  );
}
