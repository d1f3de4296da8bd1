import { z } from 'zod';
import type { Permission } from '../roles';

/** One row of the channel table: input schema, output schema, the permission it needs. */
export interface ChannelDefinition {
  input: z.ZodType;
  output: z.ZodType;
  permission: Permission | null;
}

/** Input of a channel that takes nothing; extra keys are refused. */
export const empty = z.object({}).strict();
/** Output of a channel that returns nothing. */
export const nothing = z.null();

/** Required text, trimmed, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional free text (notes, descriptions): trimmed, may be empty. */
export const note = (max: number) => z.string().trim().max(max).default('');

/** A calendar date as the user enters it: 'YYYY-MM-DD'. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const idSchema = z.number().int().positive();
export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(500).default(50),
};
