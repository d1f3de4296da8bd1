/** Printing helpers: columns that line up with Chinese text, role names, the recovery key. */
import type { Role } from '../../shared/roles';
import { writeLine, type Bilingual } from './io';

export const roleLabels: Record<Role, Bilingual> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  staff: { zh: '巡察干部', en: 'Inspection staff' },
  clueOfficer: { zh: '线索管理员', en: 'Clue officer' },
  archivist: { zh: '档案管理员', en: 'Archivist' },
  auditor: { zh: '领导/审计', en: 'Leader / auditor' },
};

/** Columns a string takes in a terminal: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain table: a header row, a rule, the rows; columns padded to their widest cell. */
export function formatTable(header: string[], rows: string[][], indent = '  '): string[] {
  const widths = header.map((cell, i) => Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const line = (cells: string[]) => indent + cells.map((cell, i) => padEnd(cell, widths[i]!)).join('  ').trimEnd();
  return [line(header), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * The recovery key, shown this once: in two rows of four groups (as on the printed sheet),
 * with the warning to write it down and keep it apart from the computer.
 */
export function printRecoveryKey(out: NodeJS.WritableStream, recoveryKey: string): void {
  const groups = recoveryKey.split('-');
  const rows = [groups.slice(0, 4).join('-'), groups.slice(4).join('-')].filter(Boolean);
  const rule = '='.repeat(72);
  writeLine(out, rule);
  writeLine(out, '  恢复密钥 RECOVERY KEY（只显示这一次 shown only this once）');
  writeLine(out);
  for (const row of rows) writeLine(out, `        ${row}`);
  writeLine(out);
  writeLine(out, '  请立即把恢复密钥抄写在纸上，核对无误后与本机分开、妥善保管（按涉密载体管理）。');
  writeLine(out, '  忘记系统管理员密码时，只有凭恢复密钥才能重设；恢复密钥丢失且管理员密码全部遗忘，');
  writeLine(out, '  数据库中的数据将永远无法恢复。本程序不会再次显示它。');
  writeLine(out, '  Write this key down on paper now, check it, and keep it apart from this computer.');
  writeLine(out, '  It is the only way to reset an administrator password. If it is lost and every');
  writeLine(out, '  administrator password is forgotten, the data cannot be recovered. It is not shown again.');
  writeLine(out, rule);
}
