import type { Migration } from './types';

/**
 * The backbone of inspection work: the unit registry, people, terms, rounds and their stages
 * and procedure steps, groups and their members, inspections (unit × round × group × mode).
 * Dates the user enters are calendar dates ('YYYY-MM-DD'); moments are ISO timestamps.
 */
export const rounds: Migration = {
  version: 2,
  name: 'rounds',
  up(db) {
    db.exec(`
      CREATE TABLE regions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        sort_order INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE unit_kinds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        sort_order INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind_id INTEGER NOT NULL REFERENCES unit_kinds (id),
        -- NULL: a city-level unit (市本级), not inside one 旗县区.
        region_id INTEGER REFERENCES regions (id),
        parent_id INTEGER REFERENCES units (id),
        party_org_type TEXT NOT NULL CHECK (party_org_type IN ('党组', '党委', '党总支', '党支部')),
        -- When the unit came into being, if after the registry began (new units join coverage).
        established_on TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'abolished')),
        status_changed_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX units_name_region ON units (name, ifnull(region_id, 0));
      CREATE INDEX units_kind ON units (kind_id);
      CREATE INDEX units_region ON units (region_id);
      CREATE INDEX units_parent ON units (parent_id);

      -- 党建考核: the yearly Party-building assessment from the 市直机关工委 list.
      CREATE TABLE unit_assessments (
        unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (unit_id, year)
      );

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        unit_id INTEGER REFERENCES units (id),
        -- The work unit as written, when it is not in the registry (e.g. a county office).
        unit_text TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        rank TEXT NOT NULL DEFAULT '',
        specialities TEXT NOT NULL DEFAULT '',
        region_id INTEGER REFERENCES regions (id),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX people_unit ON people (unit_id);

      CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        starts_on TEXT NOT NULL,
        ends_on TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        term_id INTEGER NOT NULL REFERENCES terms (id),
        number INTEGER NOT NULL CHECK (number > 0),
        year INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        planned_start TEXT,
        planned_end TEXT,
        actual_start TEXT,
        actual_end TEXT,
        people_drawn INTEGER NOT NULL DEFAULT 0,
        stage TEXT NOT NULL DEFAULT 'plan',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (term_id, number)
      );

      -- The date each stage began (计划 → … → 立卷归档).
      CREATE TABLE round_stages (
        round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        began_on TEXT NOT NULL,
        skipped_steps_reason TEXT,
        PRIMARY KEY (round_id, stage)
      );

      -- The office's procedure checklist (内控): steps per stage, editable. Retired steps keep
      -- their ticks on older rounds.
      CREATE TABLE procedure_steps (
        id INTEGER PRIMARY KEY,
        stage TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        title TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE round_step_ticks (
        round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
        step_id INTEGER NOT NULL REFERENCES procedure_steps (id),
        done_by INTEGER NOT NULL REFERENCES accounts (id),
        done_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (round_id, step_id)
      );

      CREATE TABLE inspection_groups (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number > 0),
        created_at TEXT NOT NULL,
        UNIQUE (round_id, number)
      );

      CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES inspection_groups (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id),
        role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
        -- 回避: set when a flagged conflict was accepted on purpose.
        override_reason TEXT,
        override_by INTEGER REFERENCES accounts (id),
        override_at TEXT,
        PRIMARY KEY (group_id, person_id)
      );
      CREATE INDEX group_members_person ON group_members (person_id);

      CREATE TABLE special_topics (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );

      CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        group_id INTEGER REFERENCES inspection_groups (id) ON DELETE SET NULL,
        unit_id INTEGER NOT NULL REFERENCES units (id),
        mode TEXT NOT NULL CHECK (mode IN ('routine', 'special', 'cross', 'elevated_cross', 'pinpoint', 'lookback')),
        topic_id INTEGER REFERENCES special_topics (id),
        follows_inspection_id INTEGER REFERENCES inspections (id),
        linkage INTEGER NOT NULL DEFAULT 0,
        starts_on TEXT,
        ends_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (round_id, unit_id),
        CHECK (mode <> 'special' OR topic_id IS NOT NULL),
        CHECK (mode <> 'lookback' OR follows_inspection_id IS NOT NULL)
      );
      CREATE INDEX inspections_unit ON inspections (unit_id, round_id);
      CREATE INDEX inspections_group ON inspections (group_id);
      -- Coverage reads a term's inspections by mode and the units they cover from the index
      -- alone; "is this inspection already followed by a 回头看?" is a lookup, not a scan
      -- (bench: 回头看 candidates 824 ms → 11 ms at 5,000 units × 20 rounds).
      CREATE INDEX inspections_round_mode_unit ON inspections (round_id, mode, unit_id);
      CREATE INDEX inspections_follows ON inspections (follows_inspection_id) WHERE follows_inspection_id IS NOT NULL;
    `);

    const insertRegion = db.prepare('INSERT INTO regions (name, sort_order) VALUES (?, ?)');
    ['新城区', '回民区', '玉泉区', '赛罕区', '土默特左旗', '托克托县', '和林格尔县', '清水河县', '武川县'].forEach((name, i) =>
      insertRegion.run(name, i + 1),
    );
    const insertKind = db.prepare('INSERT INTO unit_kinds (name, sort_order) VALUES (?, ?)');
    ['市直部门', '市属国有企业', '乡镇/街道', '村/社区', '派出所', '国土所', '法院/执行局'].forEach((name, i) =>
      insertKind.run(name, i + 1),
    );
    const insertTopic = db.prepare('INSERT INTO special_topics (name) VALUES (?)');
    ['煤炭矿产资源领域', '优化营商环境', '人防系统'].forEach((name) => insertTopic.run(name));
    seedProcedureSteps(db);
  },
};

/**
 * A starting procedure checklist per stage, drawn from common practice (内控制度): the office
 * edits it. Kept short and plainly worded so an office can see at once what to replace.
 */
function seedProcedureSteps(db: Parameters<Migration['up']>[0]): void {
  const steps: Record<string, string[]> = {
    plan: ['拟定年度巡察计划并报领导小组审定', '确定被巡察对象名单', '制定本轮巡察工作方案', '抽调巡察干部并开展岗前培训'],
    mobilise: ['召开巡察工作动员部署会', '向被巡察单位发送巡察通知', '公布巡察组联系方式和受理时间'],
    onSite: ['召开进驻动员会', '听取被巡察单位党组织工作汇报', '开展个别谈话', '调阅查阅资料', '受理信访举报', '形成问题底稿'],
    report: ['巡察组起草巡察报告', '巡察办审核巡察报告', '向领导小组汇报巡察情况'],
    feedback: ['拟定巡察反馈意见', '召开巡察反馈会议', '向被巡察单位送达反馈意见'],
    handover: ['整理问题线索并登记台账', '向纪委监委移交问题线索', '向组织部移交选人用人等问题', '制定四个清单并分类移交主责部门'],
    rectification: ['督促被巡察单位制定整改方案', '收取整改报告', '审核整改情况并动态销号'],
    filed: ['收集本轮巡察文件材料', '按件整理并编制归档文件目录', '移交档案室'],
  };
  const insert = db.prepare('INSERT INTO procedure_steps (stage, ordinal, title) VALUES (?, ?, ?)');
  for (const [stage, titles] of Object.entries(steps)) titles.forEach((title, i) => insert.run(stage, i + 1, title));
}
