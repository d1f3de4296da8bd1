/**
 * Messages of quick search (Ctrl+K): the box, its groups and the audit word.
 * Chinese first, English complete (a missing English key is a type error); messages.ts joins them.
 */
const zh = {
  'audit.action.search.quick': '快速搜索（含涉密档案）',
  'quickSearch.open': '搜索',
  'quickSearch.hint': '搜索单位、人员、轮次、问题和档案（Ctrl+K）',
  'quickSearch.title': '快速搜索',
  'quickSearch.placeholder': '输入单位、人员、轮次、问题或档案中的文字',
  'quickSearch.empty': '没有找到匹配的内容',
  'quickSearch.searching': '正在搜索…',
  'quickSearch.typeToSearch': '输入文字开始搜索，↑↓ 选择，回车打开，Esc 关闭',
  'quickSearch.more': '还有更多，请到对应页面查看',
  'quickSearch.results': '搜索结果',
  'quickSearch.kind.unit': '被巡察单位',
  'quickSearch.kind.person': '人员',
  'quickSearch.kind.round': '巡察轮次',
  'quickSearch.kind.problem': '问题',
  'quickSearch.kind.archiveItem': '档案',
};

const en: Record<keyof typeof zh, string> = {
  'audit.action.search.quick': 'Quick search (listed classified archive items)',
  'quickSearch.open': 'Search',
  'quickSearch.hint': 'Search units, people, rounds, problems and archives (Ctrl+K)',
  'quickSearch.title': 'Quick search',
  'quickSearch.placeholder': 'Type words from a unit, person, round, problem or archive item',
  'quickSearch.empty': 'Nothing matches',
  'quickSearch.searching': 'Searching…',
  'quickSearch.typeToSearch': 'Type to search; ↑↓ to choose, Enter to open, Esc to close',
  'quickSearch.more': 'More results on the page itself',
  'quickSearch.results': 'Search results',
  'quickSearch.kind.unit': 'Units',
  'quickSearch.kind.person': 'People',
  'quickSearch.kind.round': 'Rounds',
  'quickSearch.kind.problem': 'Problems',
  'quickSearch.kind.archiveItem': 'Archives',
};

export const quickSearchMessages = { zh, en };
