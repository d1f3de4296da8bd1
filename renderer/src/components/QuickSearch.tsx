import { Button, Kbd, Loader, Modal, ScrollArea, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import type { QuickHit } from '../../../shared/channels/search';
import { useT } from '../i18n';
import type { PageKey } from '../shell/nav';
import { requestFocus } from '../state/focus-request';
import { ErrorAlert } from './ErrorAlert';
import { flatHits, optionId, QuickSearchResults } from './quick-search/QuickSearchResults';
import { pageOfKind } from './quick-search/targets';
import { useQuickSearch } from './quick-search/useQuickSearch';

/**
 * Quick search (快速搜索): Ctrl+K (⌘K) anywhere, or the header's button, opens one box over units,
 * people, rounds, problems and archive items. ↑ ↓ choose a hit, Enter opens its page (and the
 * record itself where the page can show one: state/focus-request.ts), Esc closes.
 */
export function QuickSearch({ onNavigate }: { onNavigate: (page: PageKey) => void }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useQuickSearch(query);
  const hits = flatHits(search.result);

  // An empty ignore list: the shortcut works inside inputs too.
  useHotkeys([['mod+K', open]], []);

  const closeAndClear = () => {
    close();
    setQuery('');
    setActive(0);
  };

  const choose = (hit: QuickHit) => {
    requestFocus({ kind: hit.kind, id: hit.id, title: hit.title });
    closeAndClear();
    onNavigate(pageOfKind[hit.kind]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (hits.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // The hits on screen answer an older text while the newest is still being searched:
      // Enter waits for them rather than open what the person no longer asked for.
      if (search.query !== query.trim()) return;
      const hit = hits[Math.min(active, hits.length - 1)];
      if (hit) choose(hit);
    }
  };

  const trimmed = query.trim();
  const showEmpty = !search.loading && !search.error && search.query === trimmed && trimmed !== '' && hits.length === 0;

  return (
    <>
      <Tooltip label={t('quickSearch.hint')}>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">Ctrl K</Kbd>}
          onClick={open}
          aria-keyshortcuts="Control+K Meta+K"
          data-testid="quick-search-button"
        >
          {t('quickSearch.open')}
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={closeAndClear} title={t('quickSearch.title')} size="lg" yOffset="8vh" data-testid="quick-search">
        <Stack gap="sm">
          <TextInput
            data-autofocus
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder={t('quickSearch.placeholder')}
            aria-label={t('quickSearch.title')}
            maxLength={100}
            leftSection={<IconSearch size={16} />}
            rightSection={search.loading ? <Loader size="xs" aria-label={t('quickSearch.searching')} /> : null}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="quick-search-results"
            aria-autocomplete="list"
            data-settled={search.query === query.trim()}
            aria-activedescendant={hits.length > 0 ? optionId(Math.min(active, hits.length - 1)) : undefined}
            data-testid="quick-search-input"
          />
          <ErrorAlert error={search.error} />
          {trimmed === '' && (
            <Text size="xs" c="dimmed">
              {t('quickSearch.typeToSearch')}
            </Text>
          )}
          {showEmpty && (
            <Text size="sm" c="dimmed" ta="center" py="md" data-testid="quick-search-empty">
              {t('quickSearch.empty')}
            </Text>
          )}
          {search.result && hits.length > 0 && trimmed !== '' && (
            <ScrollArea.Autosize mah="60vh" type="auto" offsetScrollbars>
              <QuickSearchResults result={search.result} active={Math.min(active, hits.length - 1)} onActivate={setActive} onChoose={choose} />
            </ScrollArea.Autosize>
          )}
        </Stack>
      </Modal>
    </>
  );
}
