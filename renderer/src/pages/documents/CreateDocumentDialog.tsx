import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { documentKinds, type DocumentKind, type Inspection } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { notifySuccess } from '../../components/notify';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { InspectionSelect } from '../findings/pickers';

/** 新建文书: a kind and an inspection; the core fills the draft from the vault (unit, group, figures, problems by focus). */
export function CreateDocumentDialog({
  inspections,
  initialInspection,
  onClose,
  onCreated,
}: {
  inspections: Inspection[] | null;
  initialInspection: number | null;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<DocumentKind>('feedbackLetter');
  const [inspectionId, setInspectionId] = useState<number | null>(initialInspection);
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useSubmit();

  const submit = async () => {
    if (inspectionId === null) {
      setMissing(true);
      return;
    }
    await run(
      () => invoke('documents.create', { kind, inspectionId }),
      (created) => {
        notifySuccess(t, t('documents.created', { title: created.title }));
        onCreated(created.id);
      },
    );
  };

  return (
    <FormDialog
      title={t('documents.create')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('documents.create.submit')}
      submitTestId="documents-create-submit"
      testId="documents-create-form"
    >
      <Select
        label={t('documents.create.kind')}
        data={documentKinds.map((value) => ({ value, label: t(`documents.kind.${value}`) }))}
        value={kind}
        onChange={(value) => value && setKind(value as DocumentKind)}
        allowDeselect={false}
        required
        data-autofocus
        data-testid="documents-create-kind"
      />
      <InspectionSelect
        inspections={inspections}
        value={inspectionId}
        onChange={(inspection) => {
          setInspectionId(inspection?.id ?? null);
          setMissing(false);
        }}
        label={t('documents.create.inspection')}
        required
        error={missing ? t('documents.create.inspectionRequired') : undefined}
        testId="documents-create-inspection"
      />
      <Text size="xs" c="dimmed">
        {t(`documents.create.hint.${kind}`)}
      </Text>
    </FormDialog>
  );
}
