import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OnSiteFigures } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';

const figureKeys = ['interviews', 'petitions', 'documentsReviewed', 'volumesReviewed', 'visits', 'questionnaires', 'forums'] as const;
type FigureKey = (typeof figureKeys)[number];

/** 进驻工作量 (谈话人次, 信访件数, 调阅资料 …) that the letter quotes; a new draft takes them from here. */
export function OnSiteFiguresForm({ inspectionId }: { inspectionId: number }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const loaded = useChannel('onSiteFigures.get', { inspectionId }, version);
  return loaded.data ? (
    <FiguresForm key={`${version}`} figures={loaded.data} onSaved={() => setVersion((v) => v + 1)} />
  ) : (
    <ErrorAlert error={loaded.error} title={t('documents.figures.title')} />
  );
}

function FiguresForm({ figures, onSaved }: { figures: OnSiteFigures; onSaved: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const mayWrite = roleMay(user.role, 'records.write');
  const [values, setValues] = useState<Record<FigureKey, number | string>>(() => Object.fromEntries(figureKeys.map((key) => [key, figures[key]])) as Record<FigureKey, number>);
  const { busy, error, run } = useSubmit();

  const save = () =>
    run(
      () =>
        invoke('onSiteFigures.update', {
          inspectionId: figures.inspectionId,
          ...(Object.fromEntries(figureKeys.map((key) => [key, Number(values[key]) || 0])) as Record<FigureKey, number>),
        }),
      () => {
        notifySuccess(t, t('documents.figures.saved'));
        onSaved();
      },
    );

  return (
    <Stack gap="sm" data-testid="figures-form">
      <Text size="xs" c="dimmed">
        {figures.recorded ? t('documents.figures.recorded', { by: figures.updatedBy ?? '—', at: formatDate(figures.updatedAt) }) : t('documents.figures.notRecorded')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {figureKeys.map((key) => (
          <NumberInput
            key={key}
            label={t(`documents.figures.${key}`)}
            value={values[key]}
            onChange={(value) => setValues((previous) => ({ ...previous, [key]: value }))}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            readOnly={!mayWrite}
            data-testid={`figures-${key}`}
          />
        ))}
      </SimpleGrid>
      <ErrorAlert error={error} />
      {mayWrite && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} data-testid="figures-save">
            {t('documents.figures.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
