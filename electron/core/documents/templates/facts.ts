import type { Inspection, OnSiteFigures } from '../../../../shared/contract';
import { focuses, type Focus, type GroupRole, type PartyOrgType } from '../../../../shared/domain';
import type { Office } from '../../../../shared/contract';
import { AppError } from '../../errors';
import { InspectionsStore } from '../../inspections/inspections-store';
import type { Db } from '../../vault/database';
import { readFigures } from '../figures';

/**
 * Everything the document templates say about one inspection, read from the vault in one place
 * so that the templates themselves are only wording. Clues appear as a count only: their
 * content is for clue officers, and the documents go to many readers.
 */
export interface InspectionFacts {
  office: Office;
  /** The Party committee the office serves, as documents name it: 呼和浩特市委. */
  committee: string;
  inspection: Inspection;
  round: { number: number; year: number; termName: string; actualStart: string | null; actualEnd: string | null };
  /** The unit's Party organisation as addressed: 市审计局党组. */
  partyOrganisation: string;
  group: { number: number; leader: string | null; deputies: string[]; members: number } | null;
  figures: OnSiteFigures;
  problems: { focus: Focus; categories: { name: string | null; problems: string[] }[]; count: number }[];
  problemCount: number;
  clueCount: number;
  accountabilityCount: number;
  personMatterCount: number;
}

/** 呼和浩特市委巡察办 → 呼和浩特市委; a county office → its 县委/旗委/区委. */
export function committeeOf(office: Office): string {
  const match = /^(.*?[市县旗区]委)/.exec(office.name.replace(/^中共/, ''));
  return match?.[1] ?? (office.level === 'city' ? '市委' : '县委');
}

export function inspectionFacts(db: Db, office: Office, inspectionId: number): InspectionFacts {
  const inspection = new InspectionsStore(db).byId(inspectionId);
  if (!inspection) throw new AppError('NOT_FOUND', '巡察任务不存在');
  const round = db
    .prepare('SELECT r.number, r.year, t.name AS term_name, r.actual_start, r.actual_end FROM rounds r JOIN terms t ON t.id = r.term_id WHERE r.id = ?')
    .get(inspection.roundId) as { number: number; year: number; term_name: string; actual_start: string | null; actual_end: string | null };
  const orgType = (db.prepare('SELECT party_org_type FROM units WHERE id = ?').get(inspection.unitId) as { party_org_type: PartyOrgType }).party_org_type;

  let group: InspectionFacts['group'] = null;
  if (inspection.groupId !== null && inspection.groupNumber !== null) {
    const members = db
      .prepare('SELECT p.name, m.role FROM group_members m JOIN people p ON p.id = m.person_id WHERE m.group_id = ? ORDER BY p.name')
      .all(inspection.groupId) as { name: string; role: GroupRole }[];
    group = {
      number: inspection.groupNumber,
      leader: members.find((m) => m.role === 'leader')?.name ?? null,
      deputies: members.filter((m) => m.role === 'deputy').map((m) => m.name),
      members: members.length,
    };
  }

  const rows = db
    .prepare(
      `SELECT p.focus, c.name AS category, p.description FROM problems p LEFT JOIN problem_categories c ON c.id = p.category_id
       WHERE p.inspection_id = ? ORDER BY p.focus, c.sort_order IS NULL, c.sort_order, c.id, p.id`,
    )
    .all(inspectionId) as { focus: Focus; category: string | null; description: string }[];
  const problems = focuses
    .map((focus) => {
      const categories: { name: string | null; problems: string[] }[] = [];
      for (const row of rows.filter((r) => r.focus === focus)) {
        let category = categories.find((c) => c.name === row.category);
        if (!category) categories.push((category = { name: row.category, problems: [] }));
        category.problems.push(row.description);
      }
      // Problems without a category come last, under their own heading.
      categories.sort((a, b) => Number(a.name === null) - Number(b.name === null));
      return { focus, categories, count: categories.reduce((n, c) => n + c.problems.length, 0) };
    })
    .filter((f) => f.count > 0);

  const count = (sql: string) => (db.prepare(sql).get(inspectionId) as { n: number }).n;
  return {
    office,
    committee: committeeOf(office),
    inspection,
    round: { number: round.number, year: round.year, termName: round.term_name, actualStart: round.actual_start, actualEnd: round.actual_end },
    partyOrganisation: `${inspection.unitName}${orgType}`,
    group,
    figures: readFigures(db, inspectionId),
    problems,
    problemCount: rows.length,
    clueCount: count('SELECT count(*) AS n FROM clues WHERE inspection_id = ?'),
    accountabilityCount: count('SELECT count(*) AS n FROM accountability_items a JOIN problems p ON p.id = a.problem_id WHERE p.inspection_id = ?'),
    personMatterCount: count('SELECT count(*) AS n FROM person_matters m JOIN problems p ON p.id = m.problem_id WHERE p.inspection_id = ?'),
  };
}
