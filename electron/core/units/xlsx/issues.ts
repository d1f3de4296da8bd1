import type { ImportIssue } from '../../../../shared/contract';
import { importLimits } from './limits';

/** The issues of one import, by row: a row with any issue is a bad row. */
export class IssueList {
  private readonly items: ImportIssue[] = [];
  private readonly rows = new Set<number>();

  add(row: number, column: string | null, message: string): void {
    this.items.push({ row, column, message });
    this.rows.add(row);
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  get count(): number {
    return this.items.length;
  }

  /** Sorted by row (the order found within a row kept), cut to the listing limit. */
  listed(): ImportIssue[] {
    return this.items
      .map((issue, index) => ({ issue, index }))
      .sort((a, b) => a.issue.row - b.issue.row || a.index - b.index)
      .slice(0, importLimits.maxListedIssues)
      .map(({ issue }) => issue);
  }
}
