/**
 * What a package carries: one round with its inspections (and the units they cover, named so
 * the receiving registry can match them), problems, rectification items, final documents and,
 * only when asked, clues. Every record keeps its id in the sending vault (`sourceId`), which
 * with the sender's fingerprint is the key of its provenance at the receiving office.
 */
import { z } from 'zod';
import { focuses, inspectionModes, problemSources, roundStages } from '../../../shared/domain';
import type { Db } from '../vault/database';

const sourceId = z.number().int().positive();
const day = z.string().nullable();

export const bodyRoundSchema = z.object({
  sourceId,
  term: z.object({ name: z.string().min(1), startsOn: z.string(), endsOn: day }),
  number: z.number().int().positive(),
  year: z.number().int(),
  title: z.string(),
  plannedStart: day,
  plannedEnd: day,
  actualStart: day,
  actualEnd: day,
  peopleDrawn: z.number().int().min(0),
  stage: z.enum(roundStages),
});
export const bodyUnitSchema = z.object({
  sourceId,
  name: z.string().min(1),
  kindName: z.string().min(1),
  regionName: z.string().nullable(),
  partyOrgType: z.enum(['党组', '党委', '党总支', '党支部']),
});
export const bodyInspectionSchema = z.object({
  sourceId,
  unitSourceId: sourceId,
  mode: z.enum(inspectionModes),
  topicName: z.string().nullable(),
  followsSourceId: sourceId.nullable(),
  linkage: z.boolean(),
  startsOn: day,
  endsOn: day,
  note: z.string(),
});
export const bodyProblemSchema = z.object({
  sourceId,
  inspectionSourceId: sourceId,
  focus: z.enum(focuses),
  categoryName: z.string().nullable(),
  description: z.string().min(1),
  evidence: z.string(),
  source: z.enum(problemSources),
  isCommon: z.boolean(),
});
export const bodyRectificationSchema = z.object({
  sourceId,
  problemSourceId: sourceId,
  measures: z.string(),
  responsiblePerson: z.string(),
  responsibleUnit: z.string(),
  deadline: day,
  status: z.enum(['notStarted', 'inProgress', 'awaitingReview', 'closed']),
  closedOn: day,
});
export const bodyDocumentSchema = z.object({
  sourceId,
  kind: z.enum(['feedbackLetter', 'inspectionReport', 'rectificationNotice']),
  inspectionSourceId: sourceId.nullable(),
  classification: z.enum(['public', 'internal', 'secret', 'confidential']),
  classificationPeriod: z.string(),
  title: z.string(),
  finalisedAt: z.string().nullable(),
  /** The final version's LetterDocument JSON, as stored. */
  content: z.string(),
});
export const bodyClueSchema = z.object({
  sourceId,
  inspectionSourceId: sourceId.nullable(),
  sequence: z.number().int().positive(),
  code: z.string().min(1),
  summary: z.string(),
  source: z.string(),
  receivedOn: z.string(),
  status: z.enum(['registered', 'handedOver', 'disposed']),
  persons: z.array(z.object({ name: z.string(), unit: z.string(), position: z.string(), rank: z.string() })),
});

/** A stored file of a carried record (rectification evidence, clue material), decrypted and verified at the sender. */
export const bodyFileSchema = z.object({
  sourceId,
  owner: z.enum(['rectification', 'clue']),
  ownerSourceId: sourceId,
  fileName: z.string().min(1),
  mime: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's bytes, base64 (the whole body is encrypted and signed). */
  data: z.string(),
});

export const packageBodySchema = z
  .object({
    kind: z.literal('xuncha-exchange-body'),
    round: bodyRoundSchema,
    units: z.array(bodyUnitSchema),
    inspections: z.array(bodyInspectionSchema),
    problems: z.array(bodyProblemSchema),
    rectification: z.array(bodyRectificationSchema),
    documents: z.array(bodyDocumentSchema),
    /** Null: clues were not included (not the same as a round without clues). */
    clues: z.array(bodyClueSchema).nullable(),
    files: z.array(bodyFileSchema),
  })
  .strict();
export type PackageBody = z.infer<typeof packageBodySchema>;
export type BodyRound = z.infer<typeof bodyRoundSchema>;
export type BodyUnit = z.infer<typeof bodyUnitSchema>;
export type BodyInspection = z.infer<typeof bodyInspectionSchema>;
export type BodyProblem = z.infer<typeof bodyProblemSchema>;
export type BodyRectification = z.infer<typeof bodyRectificationSchema>;
export type BodyDocument = z.infer<typeof bodyDocumentSchema>;
export type BodyClue = z.infer<typeof bodyClueSchema>;
export type BodyFile = z.infer<typeof bodyFileSchema>;

type Row = Record<string, unknown>;

/** Reads a round and what belongs to it from this vault; null when there is no such round. */
export function collectRoundBody(db: Db, roundId: number, includeClues: boolean): PackageBody | null {
  const round = db
    .prepare(
      `SELECT r.*, t.name AS term_name, t.starts_on AS term_starts_on, t.ends_on AS term_ends_on
       FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?`,
    )
    .get(roundId) as Row | undefined;
  if (!round) return null;
  const inspections = db
    .prepare(
      `SELECT i.*, st.name AS topic_name FROM inspections i LEFT JOIN special_topics st ON st.id = i.topic_id
       WHERE i.round_id = ? ORDER BY i.id`,
    )
    .all(roundId) as Row[];
  const units = db
    .prepare(
      `SELECT u.id, u.name, u.party_org_type, k.name AS kind_name, rg.name AS region_name FROM units u
       JOIN unit_kinds k ON k.id = u.kind_id LEFT JOIN regions rg ON rg.id = u.region_id
       WHERE u.id IN (SELECT unit_id FROM inspections WHERE round_id = ?) ORDER BY u.id`,
    )
    .all(roundId) as Row[];
  const problems = db
    .prepare(
      `SELECT p.*, c.name AS category_name FROM problems p JOIN inspections i ON i.id = p.inspection_id
       LEFT JOIN problem_categories c ON c.id = p.category_id WHERE i.round_id = ? ORDER BY p.id`,
    )
    .all(roundId) as Row[];
  const items = db.prepare('SELECT * FROM rectification_items WHERE round_id = ? ORDER BY id').all(roundId) as Row[];
  const documents = db
    .prepare(
      `SELECT d.*, v.content FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.final_version
       WHERE d.round_id = ? AND d.status = 'final' ORDER BY d.id`,
    )
    .all(roundId) as Row[];
  const inRound = new Set(inspections.map((i) => i.id as number));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    kind: 'xuncha-exchange-body',
    round: {
      sourceId: round.id as number,
      term: { name: round.term_name as string, startsOn: round.term_starts_on as string, endsOn: str(round.term_ends_on) },
      number: round.number as number,
      year: round.year as number,
      title: round.title as string,
      plannedStart: str(round.planned_start),
      plannedEnd: str(round.planned_end),
      actualStart: str(round.actual_start),
      actualEnd: str(round.actual_end),
      peopleDrawn: round.people_drawn as number,
      stage: round.stage as BodyRound['stage'],
    },
    units: units.map((u) => ({
      sourceId: u.id as number,
      name: u.name as string,
      kindName: u.kind_name as string,
      regionName: str(u.region_name),
      partyOrgType: u.party_org_type as BodyUnit['partyOrgType'],
    })),
    inspections: inspections.map((i) => ({
      sourceId: i.id as number,
      unitSourceId: i.unit_id as number,
      mode: i.mode as BodyInspection['mode'],
      topicName: str(i.topic_name),
      // A 回头看 of another round's inspection points outside the package: the receiver keeps it as a note.
      followsSourceId: i.follows_inspection_id !== null && inRound.has(i.follows_inspection_id as number) ? (i.follows_inspection_id as number) : null,
      linkage: i.linkage === 1,
      startsOn: str(i.starts_on),
      endsOn: str(i.ends_on),
      note: i.note as string,
    })),
    problems: problems.map((p) => ({
      sourceId: p.id as number,
      inspectionSourceId: p.inspection_id as number,
      focus: p.focus as BodyProblem['focus'],
      categoryName: str(p.category_name),
      description: p.description as string,
      evidence: p.evidence as string,
      source: p.source as BodyProblem['source'],
      isCommon: p.is_common === 1,
    })),
    rectification: items.map((r) => ({
      sourceId: r.id as number,
      problemSourceId: r.problem_id as number,
      measures: r.measures as string,
      responsiblePerson: r.responsible_person as string,
      responsibleUnit: r.responsible_unit as string,
      deadline: str(r.deadline),
      status: r.status as BodyRectification['status'],
      closedOn: str(r.closed_on),
    })),
    documents: documents.map((d) => ({
      sourceId: d.id as number,
      kind: d.kind as BodyDocument['kind'],
      inspectionSourceId: (d.inspection_id as number | null) ?? null,
      classification: d.classification as BodyDocument['classification'],
      classificationPeriod: d.classification_period as string,
      title: d.title as string,
      finalisedAt: str(d.finalised_at),
      content: d.content as string,
    })),
    clues: includeClues ? collectClues(db, roundId) : null,
    // Filled by collectFiles (reading stored files is asynchronous).
    files: [],
  };
}

function collectClues(db: Db, roundId: number): BodyClue[] {
  const clues = db.prepare('SELECT * FROM clues WHERE round_id = ? ORDER BY id').all(roundId) as Row[];
  const persons = db.prepare('SELECT name, unit, position, rank FROM clue_persons WHERE clue_id = ? ORDER BY id');
  return clues.map((c) => ({
    sourceId: c.id as number,
    inspectionSourceId: (c.inspection_id as number | null) ?? null,
    sequence: c.sequence as number,
    code: c.code as string,
    summary: c.summary as string,
    source: c.source as string,
    receivedOn: c.received_on as string,
    status: c.status as BodyClue['status'],
    persons: persons.all(c.id) as BodyClue['persons'],
  }));
}
