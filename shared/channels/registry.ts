/**
 * The unit registry (被巡察单位), people (巡察人才库) and the office's editable catalogues
 * (旗县区, unit kinds, special topics).
 */
import { z } from 'zod';
import { partyOrgTypes, unitStatuses } from '../domain';
import { dateSchema, idSchema, note, pageInput, text, type ChannelDefinition } from './define';

export const catalogEntrySchema = z.object({ id: z.number().int(), name: z.string(), sortOrder: z.number().int() });
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export const catalogsSchema = z.object({
  regions: z.array(catalogEntrySchema),
  unitKinds: z.array(catalogEntrySchema),
  specialTopics: z.array(catalogEntrySchema),
});
export type Catalogs = z.infer<typeof catalogsSchema>;
export const catalogNameSchema = z.enum(['regions', 'unitKinds', 'specialTopics']);

export const unitInputSchema = z.object({
  name: text(80),
  kindId: idSchema,
  regionId: idSchema.nullable(),
  parentId: idSchema.nullable().default(null),
  partyOrgType: z.enum(partyOrgTypes),
  establishedOn: dateSchema.nullable().default(null),
  note: note(500),
});
export type UnitInput = z.input<typeof unitInputSchema>;

export const unitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kindId: z.number().int(),
  kindName: z.string(),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  partyOrgType: z.enum(partyOrgTypes),
  establishedOn: z.string().nullable(),
  status: z.enum(unitStatuses),
  statusChangedOn: z.string().nullable(),
  note: z.string(),
  /** The latest 党建考核 result, shown when choosing targets. */
  latestAssessment: z.object({ year: z.number().int(), result: z.string() }).nullable(),
  /** How many times the unit has been inspected, and when last (round label). */
  inspectionCount: z.number().int(),
  lastInspectedIn: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitFilterSchema = z.object({
  text: z.string().trim().max(80).optional(),
  kindId: idSchema.optional(),
  /** 0 = 市本级 (no region). */
  regionId: z.number().int().min(0).optional(),
  status: z.enum(unitStatuses).optional(),
  parentId: idSchema.optional(),
});
export type UnitFilter = z.infer<typeof unitFilterSchema>;

/** An uploaded or downloaded file travels as base64 inside the JSON payload. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const fileUploadSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  base64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, '文件超过 10 MB，请拆分后再导入'),
});
export const fileDownloadSchema = z.object({ fileName: z.string(), base64: z.string() });
export type FileDownload = z.infer<typeof fileDownloadSchema>;

export const importIssueSchema = z.object({
  /** The spreadsheet row number as Excel shows it (1 = header). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;
/**
 * The outcome of an import in any mode. A file with errors is not an error of the call: in
 * mode `all` it comes back with its issues and `imported: 0`, so the renderer shows the same
 * issue table whatever the mode. Only a file that cannot be read at all (not an .xlsx, damaged,
 * over the size or row limits) fails the call, with IMPORT_UNREADABLE and `details.reason`.
 */
export const importResultSchema = z.object({
  /** The sheet that was read. */
  sheetName: z.string(),
  /** Data rows (non-empty rows below the header row). */
  totalRows: z.number().int(),
  /** Rows without any issue (and whose 上级单位 row, if any, is good too). */
  goodRows: z.number().int(),
  /** Row-numbered issues, sorted by row; at most the first 1000 of them (see issueCount). */
  issues: z.array(importIssueSchema),
  /** How many issues were found in all, listed or not. */
  issueCount: z.number().int(),
  /** Rows written: 0 unless committed (all rows good, or the good rows on explicit choice). */
  imported: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
export const importModes = ['validate', 'all', 'goodRows'] as const;
export type ImportMode = (typeof importModes)[number];
export const importInputSchema = fileUploadSchema.extend({
  /**
   * validate: check only, nothing is written; all: write only if every row is good (otherwise
   * the issues come back with imported 0); goodRows: write the good rows and skip the bad ones,
   * on the user's explicit choice.
   */
  mode: z.enum(importModes),
});

export const personInputSchema = z.object({
  name: text(40),
  unitId: idSchema.nullable().default(null),
  unitText: note(80),
  position: note(60),
  rank: note(40),
  specialities: note(200),
  regionId: idSchema.nullable().default(null),
  note: note(500),
});
export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  unitText: z.string(),
  position: z.string(),
  rank: z.string(),
  specialities: z.string(),
  regionId: z.number().int().nullable(),
  regionName: z.string().nullable(),
  note: z.string(),
  /** Rounds and groups served in, e.g. 十二届第八轮 第三巡察组 组长. */
  service: z.array(z.object({ roundId: z.number().int(), roundLabel: z.string(), groupNumber: z.number().int(), role: z.string() })),
});
export type Person = z.infer<typeof personSchema>;

export const registryChannels = {
  'catalogs.get': { input: z.object({}).strict(), output: catalogsSchema, permission: 'records.read' },
  'catalogs.add': {
    input: z.object({ catalog: catalogNameSchema, name: text(40) }),
    output: catalogsSchema,
    permission: 'records.write',
  },
  'catalogs.rename': {
    input: z.object({ catalog: catalogNameSchema, id: idSchema, name: text(40) }),
    output: catalogsSchema,
    permission: 'records.write',
  },

  'units.list': {
    input: unitFilterSchema.extend(pageInput),
    output: z.object({ items: z.array(unitSchema), total: z.number().int() }),
    permission: 'records.read',
  },
  'units.get': {
    input: z.object({ id: idSchema }),
    output: unitSchema.extend({
      assessments: z.array(z.object({ year: z.number().int(), result: z.string() })),
      children: z.array(z.object({ id: z.number().int(), name: z.string() })),
      inspections: z.array(
        z.object({ id: z.number().int(), roundId: z.number().int(), roundLabel: z.string(), mode: z.string(), groupNumber: z.number().int().nullable() }),
      ),
    }),
    permission: 'records.read',
  },
  'units.create': { input: unitInputSchema, output: unitSchema, permission: 'records.write' },
  'units.update': { input: unitInputSchema.extend({ id: idSchema }), output: unitSchema, permission: 'records.write' },
  /** Merged or abolished (with the date); history and past inspections are kept. */
  'units.setStatus': {
    input: z.object({ id: idSchema, status: z.enum(unitStatuses), on: dateSchema.nullable() }),
    output: unitSchema,
    permission: 'records.write',
  },
  'people.list': {
    input: z.object({ text: z.string().trim().max(40).optional(), ...pageInput }),
    output: z.object({ items: z.array(personSchema), total: z.number().int() }),
    permission: 'records.read',
  },
  'people.create': { input: personInputSchema, output: personSchema, permission: 'records.write' },
  'people.update': { input: personInputSchema.extend({ id: idSchema }), output: personSchema, permission: 'records.write' },
} as const satisfies Record<string, ChannelDefinition>;

/**
 * Spreadsheet import and export of the registry (exceljs in the core). The template and the
 * export share their columns, so an exported file imports into another vault unchanged.
 */
export const registryTransferChannels = {
  'units.import': { input: importInputSchema, output: importResultSchema, permission: 'records.write' },
  'units.importTemplate': { input: z.object({}).strict(), output: fileDownloadSchema, permission: 'records.read' },
  'units.export': { input: unitFilterSchema, output: fileDownloadSchema, permission: 'records.read' },
  /**
   * 党建考核 results of one year, from the 市直机关工委 list: 单位名称, optional 所属旗县区, and
   * 考核结果 (好, 较好, 一般, 差 …). A result already recorded for that unit and year is replaced.
   */
  'units.importAssessments': {
    input: importInputSchema.extend({ year: z.number().int().min(2000).max(2100) }),
    output: importResultSchema,
    permission: 'records.write',
  },
} as const satisfies Record<string, ChannelDefinition>;
