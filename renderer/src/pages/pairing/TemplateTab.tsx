import { Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { pairingAspects, type PairingAspect, type PairingItem } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import type { PairingRights } from './labels';

/** 督导事项模板: the items in their 4 aspects, numbered through as the self-check ledgers show them. */
export function TemplateTab({ rights }: { rights: PairingRights }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const items = useChannel('pairing.template', {}, version);
  const [editing, setEditing] = useState<PairingItem | 'new' | null>(null);
  const [retiring, setRetiring] = useState<PairingItem | null>(null);
  const reload = () => setVersion((v) => v + 1);
  const list = items.data ?? [];
  const number = new Map(list.map((item, i) => [item.id, i + 1]));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('pairing.template.hint')} {t('pairing.template.total', { total: String(list.length) })}
        </Text>
        {rights.write && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="pairing-item-add">
            {t('pairing.template.add')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={items.error} />
      {!items.data && !items.error && <Loader size="sm" />}
      {pairingAspects.map((aspect) => {
        const ofAspect = list.filter((item) => item.aspect === aspect);
        return (
          <Card key={aspect} withBorder radius="md" padding="sm" data-testid="pairing-aspect" data-aspect={aspect}>
            <Title order={4} fz="md" mb="xs">
              {t(`pairing.aspect.${aspect}`)}（{ofAspect.length}）
            </Title>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Tbody>
                {ofAspect.map((item) => (
                  <Table.Tr key={item.id} data-testid="pairing-item-row">
                    <Table.Td w={50} c="dimmed">
                      {number.get(item.id)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.text}</Text>
                    </Table.Td>
                    <Table.Td w={150}>
                      {item.used > 0 && (
                        <Badge variant="light" color="gray">
                          {t('pairing.template.used', { count: String(item.used) })}
                        </Badge>
                      )}
                    </Table.Td>
                    {rights.write && (
                      <Table.Td w={190}>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-sm" variant="subtle" leftSection={<IconEdit size={14} />} onClick={() => setEditing(item)} data-testid="pairing-item-edit">
                            {t('pairing.template.edit')}
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setRetiring(item)}>
                            {t('pairing.template.retire')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
      {editing && (
        <ItemDialog
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            notifySuccess(t, t('pairing.template.saved'));
            reload();
          }}
        />
      )}
      {retiring && (
        <ConfirmDialog
          title={t('pairing.template.retireTitle')}
          body={t('pairing.template.retireBody')}
          quote={retiring.text}
          confirmLabel={t('pairing.template.retire')}
          onConfirm={() => invoke('pairing.retireItem', { id: retiring.id })}
          onClose={() => setRetiring(null)}
          onDone={() => {
            setRetiring(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

function ItemDialog({ item, onClose, onDone }: { item: PairingItem | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [aspect, setAspect] = useState<PairingAspect>(item?.aspect ?? 'responsibility');
  const [text, setText] = useState(item?.text ?? '');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t(item ? 'pairing.template.dialogEdit' : 'pairing.template.dialogNew')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => invoke('pairing.saveItem', { ...(item ? { id: item.id } : {}), aspect, text }), onDone)}
      submitLabel={t('common.save')}
      submitTestId="pairing-item-save"
    >
      <Select
        label={t('pairing.template.aspect')}
        data={pairingAspects.map((a) => ({ value: a, label: t(`pairing.aspect.${a}`) }))}
        value={aspect}
        onChange={(next) => next && setAspect(next as PairingAspect)}
        allowDeselect={false}
      />
      <Textarea label={t('pairing.template.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={300} autosize minRows={2} required data-autofocus data-testid="pairing-item-text" />
    </FormDialog>
  );
}
