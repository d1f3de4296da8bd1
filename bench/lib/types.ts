/** One measured figure: the app's way against a baseline measured in the same run. */
export interface Figure {
  /** e.g. 'unlock (KDF)', 'insert/select mix: inserts'. Stable: later runs are compared by it. */
  name: string;
  /** Median milliseconds of the app's way. */
  ms: number;
  baseline: { name: string; ms: number };
  /** ms ÷ baseline.ms */
  ratio: number;
  /** How many timed runs each side had (the median is reported). */
  runs: number;
  /** What to expect, e.g. '≈1' or '1.5–1.9' (TOOLCHAIN.md); printed beside the ratio. */
  expected?: string;
  /** Work per run, e.g. '20,000 rows in transactions of 500'. */
  work?: string;
  samples: { ms: number[]; baseline: number[] };
}

export interface BenchContext {
  /** A fresh empty folder under the run's temp folder (removed at the end of the run). */
  dir(label: string): string;
  /** Progress on stderr. */
  log(text: string): void;
  /** Fewer runs and fewer rows (`--quick`), for checking that a case works, not for figures. */
  quick: boolean;
}

/**
 * A named benchmark case. Add a file under bench/cases/ and list it in bench/cases/index.ts.
 * A case returns one or more figures; it must measure its baseline in the same run, and it
 * should take well under 30 s on a 2-core machine (the whole bench stays under ~2 minutes).
 */
export interface BenchCase {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
