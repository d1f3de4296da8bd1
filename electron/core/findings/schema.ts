import type { Migration } from '../vault/migrations/types';

/**
 * Findings of an inspection: "是否" checklists (templates, versions, answers), problems classed
 * by the three focuses (with a bigram full-text index), confidential clues with the persons
 * reflected on, hand-over to receiving bodies and the disposal that comes back,
 * accountability (追责问责) and person-matter (点人点事) items.
 */
export function findingsMigration(version: number): Migration {
  return {
    version,
    name: 'findings',
    up(db) {
      db.exec(`
        -- Sub-categories under each of the three focuses; editable, retired rather than deleted.
        CREATE TABLE problem_categories (
          id INTEGER PRIMARY KEY,
          focus TEXT NOT NULL CHECK (focus IN ('corruption', 'grassroots', 'rectification')),
          name TEXT NOT NULL,
          sort_order INTEGER NOT NULL DEFAULT 0,
          retired INTEGER NOT NULL DEFAULT 0,
          UNIQUE (focus, name)
        );

        CREATE TABLE checklist_templates (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          mode TEXT,
          topic_id INTEGER REFERENCES special_topics (id),
          created_at TEXT NOT NULL
        );
        -- Each edit of a template makes a new version; answers point at the version's items, so
        -- an old answer keeps the wording it was given against.
        CREATE TABLE checklist_versions (
          id INTEGER PRIMARY KEY,
          template_id INTEGER NOT NULL REFERENCES checklist_templates (id),
          version INTEGER NOT NULL,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          UNIQUE (template_id, version)
        );
        CREATE TABLE checklist_items (
          id INTEGER PRIMARY KEY,
          version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
          ordinal INTEGER NOT NULL,
          section TEXT NOT NULL,
          focus TEXT CHECK (focus IS NULL OR focus IN ('corruption', 'grassroots', 'rectification')),
          text TEXT NOT NULL,
          is_sample INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX checklist_items_version ON checklist_items (version_id, ordinal);

        CREATE TABLE inspection_checklists (
          inspection_id INTEGER NOT NULL REFERENCES inspections (id),
          version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
          PRIMARY KEY (inspection_id, version_id)
        );
        CREATE TABLE checklist_answers (
          inspection_id INTEGER NOT NULL REFERENCES inspections (id),
          item_id INTEGER NOT NULL REFERENCES checklist_items (id),
          answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'na')),
          note TEXT NOT NULL DEFAULT '',
          answered_by INTEGER REFERENCES accounts (id),
          answered_at TEXT NOT NULL,
          PRIMARY KEY (inspection_id, item_id)
        );

        CREATE TABLE problems (
          id INTEGER PRIMARY KEY,
          inspection_id INTEGER NOT NULL REFERENCES inspections (id),
          focus TEXT NOT NULL CHECK (focus IN ('corruption', 'grassroots', 'rectification')),
          category_id INTEGER REFERENCES problem_categories (id),
          description TEXT NOT NULL,
          evidence TEXT NOT NULL DEFAULT '',
          source TEXT NOT NULL,
          is_common INTEGER NOT NULL DEFAULT 0,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX problems_inspection ON problems (inspection_id, id);
        CREATE INDEX problems_focus ON problems (focus, id);
        CREATE INDEX problems_source ON problems (source, id);
        -- Bigrams of description and evidence (electron/core/search/bigrams.ts) and tokens for
        -- the round, unit, inspection, focus, source and 共性 flag (problems-page.ts). Diacritics
        -- are kept, so that the index alone decides a term as LIKE would.
        CREATE VIRTUAL TABLE problems_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1);
        CREATE TABLE problem_checklist_items (
          problem_id INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
          item_id INTEGER NOT NULL REFERENCES checklist_items (id),
          PRIMARY KEY (problem_id, item_id)
        );

        CREATE TABLE clues (
          id INTEGER PRIMARY KEY,
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          inspection_id INTEGER REFERENCES inspections (id),
          sequence INTEGER NOT NULL,
          code TEXT NOT NULL UNIQUE,
          summary TEXT NOT NULL,
          source TEXT NOT NULL,
          received_on TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'handedOver', 'disposed')),
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (round_id, sequence)
        );
        CREATE TABLE clue_persons (
          id INTEGER PRIMARY KEY,
          clue_id INTEGER NOT NULL REFERENCES clues (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          unit TEXT NOT NULL DEFAULT '',
          position TEXT NOT NULL DEFAULT '',
          rank TEXT NOT NULL DEFAULT ''
        );

        -- Bodies that receive hand-overs (纪委监委, 组织部, 市委直属机关工委 …) and the disposal
        -- categories that come back; both editable.
        -- A used entry is never deleted, only retired: old records keep showing its name.
        CREATE TABLE receivers (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          sort_order INTEGER NOT NULL DEFAULT 0,
          retired INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE disposal_types (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          sort_order INTEGER NOT NULL DEFAULT 0,
          retired INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE handovers (
          id INTEGER PRIMARY KEY,
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          receiver_id INTEGER NOT NULL REFERENCES receivers (id),
          handed_on TEXT NOT NULL,
          receiving_person TEXT NOT NULL DEFAULT '',
          answer_due_on TEXT,
          -- The day the signed receipt (回执) came back; its scan is a stored file owned by
          -- ('handover', id), the newest one being the receipt.
          receipt_returned_on TEXT,
          note TEXT NOT NULL DEFAULT '',
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL
        );
        CREATE INDEX handovers_round ON handovers (round_id, handed_on);
        CREATE TABLE handover_items (
          handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
          item_type TEXT NOT NULL CHECK (item_type IN ('clue', 'problemList', 'clueList', 'accountabilityList', 'personMatterList', 'problem')),
          item_id INTEGER,
          PRIMARY KEY (handover_id, item_type, item_id)
        );
        CREATE INDEX handover_items_item ON handover_items (item_type, item_id);

        CREATE TABLE clue_disposals (
          id INTEGER PRIMARY KEY,
          clue_id INTEGER NOT NULL REFERENCES clues (id),
          disposal_type_id INTEGER NOT NULL REFERENCES disposal_types (id),
          decided_on TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          recorded_by INTEGER REFERENCES accounts (id),
          recorded_at TEXT NOT NULL
        );

        CREATE TABLE accountability_items (
          id INTEGER PRIMARY KEY,
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          problem_id INTEGER REFERENCES problems (id),
          clue_id INTEGER REFERENCES clues (id),
          subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
          subject_name TEXT NOT NULL,
          matter TEXT NOT NULL,
          proposed_handling TEXT NOT NULL DEFAULT '',
          receiver_id INTEGER REFERENCES receivers (id),
          created_at TEXT NOT NULL
        );
        CREATE TABLE person_matters (
          id INTEGER PRIMARY KEY,
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          problem_id INTEGER REFERENCES problems (id),
          clue_id INTEGER REFERENCES clues (id),
          person_name TEXT NOT NULL,
          unit TEXT NOT NULL DEFAULT '',
          position TEXT NOT NULL DEFAULT '',
          matter TEXT NOT NULL,
          receiver_id INTEGER REFERENCES receivers (id),
          created_at TEXT NOT NULL
        );
      `);

      const receiver = db.prepare('INSERT INTO receivers (name, sort_order) VALUES (?, ?)');
      ['市纪委监委', '市委组织部', '市委直属机关工委', '市委宣传部', '市委政法委'].forEach((name, i) => receiver.run(name, i + 1));
      const disposal = db.prepare('INSERT INTO disposal_types (name, sort_order) VALUES (?, ?)');
      ['谈话函询', '初步核实', '暂存待查', '予以了结', '立案审查'].forEach((name, i) => disposal.run(name, i + 1));
      seedChecklistTemplates(db);
      const category = db.prepare('INSERT INTO problem_categories (focus, name, sort_order) VALUES (?, ?, ?)');
      const categories: Record<string, string[]> = {
        corruption: ['惠民惠农资金管理', '集体“三资”管理', '工程项目', '违反中央八项规定精神', '形式主义官僚主义', '吃拿卡要'],
        grassroots: ['基层党组织建设', '组织生活制度落实', '党员发展和管理', '选人用人', '基层干部队伍建设'],
        rectification: ['巡视巡察整改', '审计整改', '主题教育整改', '问题线索处置'],
      };
      for (const [focus, names] of Object.entries(categories)) names.forEach((name, i) => category.run(focus, name, i + 1));
    },
  };
}

/**
 * The three starting templates named in the seed report, each with a few plainly worded sample
 * items marked as samples: the office replaces them with its own 61 / 25 items. Every item asks
 * whether a rule is kept, so that 否 is always the finding (and the one answer that makes a problem).
 */
function seedChecklistTemplates(db: Parameters<Migration['up']>[0]): void {
  const templates: { name: string; mode: string | null; items: [string, string | null, string][] }[] = [
    {
      name: '常规巡察“是否”清单',
      mode: 'routine',
      items: [
        ['聚焦群众身边腐败问题和不正之风', 'corruption', '是否将惠民惠农资金足额发放到户，无虚报冒领、截留挪用'],
        ['聚焦群众身边腐败问题和不正之风', 'corruption', '是否严格执行津贴补贴和福利发放规定'],
        ['聚焦群众身边腐败问题和不正之风', 'corruption', '是否严格落实中央八项规定精神，无公款吃喝、公车私用'],
        ['聚焦基层党组织软弱涣散、组织力欠缺问题', 'grassroots', '是否按规定召开民主生活会和组织生活会'],
        ['聚焦基层党组织软弱涣散、组织力欠缺问题', 'grassroots', '是否按规定程序发展党员'],
        ['聚焦巡视巡察整改不落实、不到位问题', 'rectification', '是否对上轮巡视巡察反馈问题逐项整改销号'],
        ['聚焦巡视巡察整改不落实、不到位问题', 'rectification', '是否如实报告整改情况，整改报告与实际相符'],
      ],
    },
    {
      name: '煤炭矿产资源领域专项巡察“是否”清单',
      mode: 'special',
      items: [
        ['资源出让', null, '是否依法依规出让矿业权，无违规出让、低价出让'],
        ['监管执法', null, '是否及时查处越界开采、非法开采行为'],
        ['生态修复', null, '是否按规定提取和使用矿山地质环境治理恢复基金'],
      ],
    },
    {
      name: '优化营商环境专项巡察内容清单',
      mode: 'special',
      items: [
        ['政务服务', null, '是否将审批事项全部纳入政务服务中心办理，无“体外循环”、变相审批'],
        ['涉企收费', null, '是否严格执行涉企收费目录清单，无违规设立收费项目、乱收费'],
        ['作风建设', null, '是否及时回应和办理企业诉求，无推诿扯皮、“吃拿卡要”'],
      ],
    },
  ];
  const at = new Date().toISOString();
  const insertTemplate = db.prepare('INSERT INTO checklist_templates (name, mode, created_at) VALUES (?, ?, ?)');
  const insertVersion = db.prepare('INSERT INTO checklist_versions (template_id, version, created_at) VALUES (?, 1, ?)');
  const insertItem = db.prepare('INSERT INTO checklist_items (version_id, ordinal, section, focus, text, is_sample) VALUES (?, ?, ?, ?, ?, 1)');
  for (const template of templates) {
    const templateId = insertTemplate.run(template.name, template.mode, at).lastInsertRowid;
    const versionId = insertVersion.run(templateId, at).lastInsertRowid;
    template.items.forEach(([section, focus, text], i) => insertItem.run(versionId, i + 1, section, focus, text));
  }
}
