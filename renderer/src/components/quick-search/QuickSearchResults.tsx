import { Box, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconBuildingCommunity, IconFlag, IconListSearch, IconUser, type Icon } from '@tabler/icons-react';
import { Fragment, useEffect } from 'react';
import type { QuickHit, QuickSearchKind, QuickSearchResult } from '../../../../shared/channels/search';
import { useT } from '../../i18n';

const icons: Record<QuickSearchKind, Icon> = {
  unit: IconBuildingCommunity,
  person: IconUser,
  round: IconFlag,
  problem: IconListSearch,
  archiveItem: IconArchive,
};

/** The hits in the order the arrow keys walk them: group by group. */
export function flatHits(result: QuickSearchResult | null): QuickHit[] {
  return result?.groups.flatMap((group) => group.hits) ?? [];
}

export const optionId = (index: number) => `quick-search-hit-${index}`;

/** Pieces as text (never markup); the matched words marked. */
function Marked({ pieces }: { pieces: QuickHit['snippet'] }) {
  return pieces.map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : <Fragment key={i}>{piece.text}</Fragment>));
}

/**
 * The grouped hits as a listbox; focus stays in the search box (aria-activedescendant names the
 * active hit), so typing and the arrow keys never fight over it.
 */
export function QuickSearchResults({
  result,
  active,
  onActivate,
  onChoose,
}: {
  result: QuickSearchResult;
  active: number;
  onActivate: (index: number) => void;
  onChoose: (hit: QuickHit) => void;
}) {
  const t = useT();
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // Each group's first index in the flat order the arrow keys walk.
  const starts = result.groups.map((_, g) => result.groups.slice(0, g).reduce((n, group) => n + group.hits.length, 0));
  return (
    <Stack gap="xs" role="listbox" id="quick-search-results" aria-label={t('quickSearch.results')} data-testid="quick-search-results">
      {result.groups.map((group, g) => {
        const KindIcon = icons[group.kind];
        return (
          <Box key={group.kind} role="group" aria-labelledby={`quick-search-group-${group.kind}`} data-kind={group.kind}>
            <Group gap={6} px="xs" pb={2} id={`quick-search-group-${group.kind}`}>
              <KindIcon size={14} stroke={1.6} aria-hidden />
              <Text size="xs" fw={700} c="dimmed">
                {t(`quickSearch.kind.${group.kind}`)}
              </Text>
            </Group>
            {group.hits.map((hit, i) => {
              const mine = starts[g]! + i;
              const selected = mine === active;
              return (
                <Box
                  key={`${hit.kind}-${hit.id}`}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={selected}
                  px="sm"
                  py={6}
                  style={{ borderRadius: 'var(--mantine-radius-sm)', cursor: 'pointer' }}
                  bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                  onMouseMove={() => onActivate(mine)}
                  onClick={() => onChoose(hit)}
                  data-testid="quick-search-hit"
                  data-kind={hit.kind}
                  data-id={hit.id}
                >
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm" fw={600} truncate>
                      <Marked pieces={hit.titleParts} />
                    </Text>
                    <Text size="xs" c="dimmed" truncate maw="45%">
                      {hit.subtitle}
                    </Text>
                  </Group>
                  {hit.snippet.length > 0 && (
                    <Text size="xs" c="dimmed" lineClamp={2} data-testid="quick-search-snippet">
                      <Marked pieces={hit.snippet} />
                    </Text>
                  )}
                </Box>
              );
            })}
            {group.more && (
              <Text size="xs" c="dimmed" px="sm" fs="italic">
                {t('quickSearch.more')}
              </Text>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
