/**
 * Quick search (Ctrl+K): one box over units, people, rounds, problems and archive items.
 *
 * The core applies the same rules as each record's own list (electron/core/search/quick-search.ts):
 * problems as problems.list, archive items as archives.search (classified items only for
 * archives.readClassified, clue material only for clue readers); clues never appear. Problems
 * and archive items are found through their full-text indexes, so a hit here is a hit there.
 */
import { z } from 'zod';
import { idSchema, type ChannelDefinition } from './define';
import { snippetSchema } from './archives';

/** The groups, in the order the box shows them. */
export const quickSearchKinds = ['unit', 'person', 'round', 'problem', 'archiveItem'] as const;
export type QuickSearchKind = (typeof quickSearchKinds)[number];

export const quickHitSchema = z.object({
  kind: z.enum(quickSearchKinds),
  id: idSchema,
  title: z.string(),
  /** The title in pieces, the query's words marked (render as text, never as markup). */
  titleParts: snippetSchema,
  /** Where the record belongs (the unit's kind and region, the problem's unit and round, the 档号 …). */
  subtitle: z.string(),
  /** Cut from the record's own text around the first hit; empty when every word is in the title. */
  snippet: snippetSchema,
});
export type QuickHit = z.infer<typeof quickHitSchema>;

export const quickSearchResultSchema = z.object({
  /** Only groups with hits, in quickSearchKinds order. `more`: the group has hits beyond `limit`. */
  groups: z.array(z.object({ kind: z.enum(quickSearchKinds), hits: z.array(quickHitSchema), more: z.boolean() })),
});
export type QuickSearchResult = z.infer<typeof quickSearchResultSchema>;

export const searchChannels = {
  'search.quick': {
    input: z.object({
      query: z.string().trim().min(1, '请输入要查找的内容').max(100, '查找内容不超过100个字符'),
      /** Hits per group. */
      limit: z.number().int().min(1).max(20).default(5),
    }),
    output: quickSearchResultSchema,
    permission: 'records.read',
  },
} as const satisfies Record<string, ChannelDefinition>;
