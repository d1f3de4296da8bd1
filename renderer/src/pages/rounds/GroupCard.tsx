import { ActionIcon, Badge, Button, Card, Divider, Grid, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconMessageExclamation, IconTrash, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import type { InspectionGroup } from '../../../../shared/contract';
import { groupLabel } from '../../../../shared/format';
import { useT } from '../../i18n';
import { ConflictBadge } from './ConflictBadge';
import { InspectionTargetList } from './InspectionTargetList';
import { roleOrder } from './roundsFormat';

type Member = InspectionGroup['members'][number];

interface GroupCardProps {
  group: InspectionGroup;
  mayWrite: boolean;
  onAddMember: () => void;
  onRemoveMember: (member: Member) => void;
  onExplain: (member: Member) => void;
  onDelete: () => void;
}

/** One 巡察组: leader and deputy, the members with their unit and position, and the units it inspects. */
export function GroupCard({ group, mayWrite, onAddMember, onRemoveMember, onExplain, onDelete }: GroupCardProps) {
  const t = useT();
  const label = groupLabel(group.number);
  const members = [...group.members].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'zh-CN'));
  const leader = members.find((member) => member.role === 'leader');
  const deputies = members.filter((member) => member.role === 'deputy');
  const empty = group.members.length === 0 && group.inspections.length === 0;
  const who = (member: Member | undefined) =>
    member ? [member.name, [member.unitName, member.position].filter(Boolean).join(' · ')].filter(Boolean).join('，') : t('rounds.group.vacant');

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={label} data-testid="group-card" data-group={group.number}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Group gap="sm" align="center">
          <Title order={3} fz="lg">
            {label}
          </Title>
          <Badge variant="light" color="gray" radius="sm">
            {t('rounds.group.memberCount', { count: group.members.length })}
          </Badge>
          <Badge variant="light" color="gray" radius="sm">
            {t('rounds.group.inspectionCount', { count: group.inspections.length })}
          </Badge>
        </Group>
        {mayWrite && (
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="light" leftSection={<IconUserPlus size={14} />} onClick={onAddMember} data-testid="group-add-member">
              {t('rounds.member.add')}
            </Button>
            {empty && (
              <Tooltip label={t('rounds.group.delete')}>
                <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('rounds.group.deleteNamed', { group: label })} data-testid="group-delete">
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        )}
      </Group>
      <Group gap="xl" mb="sm">
        <Text size="sm" data-testid="group-leader">
          <Text span c="dimmed">
            {t('rounds.role.leader')}：
          </Text>
          {who(leader)}
        </Text>
        <Text size="sm" data-testid="group-deputy">
          <Text span c="dimmed">
            {t('rounds.role.deputy')}：
          </Text>
          {deputies.length ? deputies.map((deputy) => deputy.name).join('、') : t('rounds.group.vacant')}
        </Text>
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Divider label={t('rounds.group.members')} labelPosition="left" mb={4} />
          {members.length === 0 ? (
            <Text size="sm" c="dimmed" py="sm">
              {t('rounds.group.noMembers')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={460}>
              <Table verticalSpacing={6} horizontalSpacing="xs" data-testid="group-members">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rounds.member.col.name')}</Table.Th>
                    <Table.Th w={72}>{t('rounds.member.col.role')}</Table.Th>
                    <Table.Th>{t('rounds.member.col.unit')}</Table.Th>
                    <Table.Th>{t('rounds.member.col.position')}</Table.Th>
                    {mayWrite && <Table.Th w={80} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((member) => (
                    <Table.Tr key={member.personId} data-testid="member-row" data-person={member.name}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                            {member.name}
                          </Text>
                          <ConflictBadge member={member} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" radius="sm" variant={member.role === 'member' ? 'default' : 'light'} color={member.role === 'member' ? 'gray' : 'xuncha'}>
                          {t(`rounds.role.${member.role}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{member.unitName ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {member.position || '—'}
                        </Text>
                      </Table.Td>
                      {mayWrite && (
                        <Table.Td>
                          <Group gap={2} justify="flex-end" wrap="nowrap">
                            {member.conflicts.length > 0 && member.overrideReason === null && (
                              <Tooltip label={t('rounds.conflict.explain')}>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  onClick={() => onExplain(member)}
                                  aria-label={t('rounds.conflict.explainNamed', { name: member.name })}
                                  data-testid="member-explain"
                                >
                                  <IconMessageExclamation size={16} />
                                </ActionIcon>
                              </Tooltip>
                            )}
                            <Tooltip label={t('rounds.member.remove')}>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                onClick={() => onRemoveMember(member)}
                                aria-label={t('rounds.member.removeNamed', { name: member.name })}
                                data-testid="member-remove"
                              >
                                <IconUserMinus size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Divider label={t('rounds.group.targets')} labelPosition="left" mb={4} />
          <Stack gap={0}>
            <InspectionTargetList inspections={group.inspections} limit={8} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Card>
  );
}
