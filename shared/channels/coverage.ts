/**
 * Full coverage (全覆盖) per term, the units × rounds matrix, 回头看 candidates and the home
 * dashboard (首页).
 */
import { z } from 'zod';
import { inspectionModes } from '../domain';
import { idSchema, pageInput, type ChannelDefinition } from './define';

const share = z.object({ key: z.string(), label: z.string(), total: z.number().int(), covered: z.number().int() });

export const coverageSchema = z.object({
  termId: z.number().int(),
  termName: z.string(),
  /** Units that need coverage in this term (see coverage-service for the rule). */
  total: z.number().int(),
  covered: z.number().int(),
  /** Established after the term began: included in total. */
  newUnits: z.number().int(),
  /** Merged or abolished during the term before being inspected: not counted. */
  retiredUncovered: z.number().int(),
  byKind: z.array(share),
  byRegion: z.array(share),
  byMode: z.array(z.object({ mode: z.enum(inspectionModes), inspections: z.number().int(), units: z.number().int() })),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const matrixSchema = z.object({
  rounds: z.array(z.object({ id: z.number().int(), number: z.number().int(), label: z.string() })),
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      kindName: z.string(),
      regionName: z.string().nullable(),
      status: z.string(),
      /** One cell per round, in the order of `rounds`: the mode, or null. */
      cells: z.array(z.enum(inspectionModes).nullable()),
    }),
  ),
  total: z.number().int(),
});

export const lookbackCandidateSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  kindName: z.string(),
  inspectionId: z.number().int(),
  roundLabel: z.string(),
  endedOn: z.string().nullable(),
  /** Days since the inspection ended (or the round's 撤离 date). */
  ageDays: z.number().int().nullable(),
  /** Rectification items of the inspection not yet closed (销号), and those of them past their deadline. */
  openRectificationItems: z.number().int(),
  overdueRectificationItems: z.number().int(),
  /** Why the unit is a candidate, the strongest reason first; the renderer words it. */
  reason: z.enum(['overdueRectification', 'openRectification', 'notFollowedUp', 'notEnded']),
});

export const dashboardSchema = z.object({
  year: z.number().int(),
  rounds: z.number().int(),
  groups: z.number().int(),
  peopleDrawn: z.number().int(),
  inspections: z.number().int(),
  byMode: z.array(z.object({ mode: z.enum(inspectionModes), count: z.number().int() })),
  byRegion: z.array(z.object({ label: z.string(), count: z.number().int() })),
  coverage: coverageSchema.nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const coverageChannels = {
  'coverage.get': { input: z.object({ termId: idSchema }), output: coverageSchema, permission: 'records.read' },
  'coverage.matrix': {
    input: z.object({
      termId: idSchema,
      kindId: idSchema.optional(),
      regionId: z.number().int().min(0).optional(),
      coverage: z.enum(['all', 'covered', 'uncovered']).default('all'),
      text: z.string().trim().max(80).optional(),
      ...pageInput,
    }),
    output: matrixSchema,
    permission: 'records.read',
  },
  'coverage.lookbackCandidates': {
    input: z.object({ termId: idSchema }),
    output: z.array(lookbackCandidateSchema),
    permission: 'records.read',
  },
  'dashboard.get': { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: dashboardSchema, permission: 'records.read' },
} as const satisfies Record<string, ChannelDefinition>;
