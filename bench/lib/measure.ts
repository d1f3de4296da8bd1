import type { Figure } from './types';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds one call of `work` takes. */
export async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** One side of a comparison: returns the milliseconds of the part it measures (setup excluded). */
export type Sample = (run: number) => number | Promise<number>;

/**
 * Runs the app's way and the baseline alternately (so drift in the machine's speed falls on
 * both), `runs` times each, and reports the medians and their ratio.
 */
export async function compare(options: {
  name: string;
  runs: number;
  subject: Sample;
  baselineName: string;
  baseline: Sample;
  expected?: string;
  work?: string;
}): Promise<Figure> {
  const ms: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    // Alternate which side goes first, so neither always runs on a warm cache.
    if (run % 2 === 0) {
      ms.push(await options.subject(run));
      baseline.push(await options.baseline(run));
    } else {
      baseline.push(await options.baseline(run));
      ms.push(await options.subject(run));
    }
  }
  return figure(options.name, ms, options.baselineName, baseline, options);
}

/** A figure from samples taken by the case itself (when one run yields several figures). */
export function figure(
  name: string,
  ms: number[],
  baselineName: string,
  baseline: number[],
  extra: { expected?: string; work?: string } = {},
): Figure {
  const subjectMedian = median(ms);
  const baselineMedian = median(baseline);
  return {
    name,
    ms: round(subjectMedian),
    baseline: { name: baselineName, ms: round(baselineMedian) },
    ratio: Math.round((subjectMedian / baselineMedian) * 100) / 100,
    runs: ms.length,
    ...(extra.expected ? { expected: extra.expected } : {}),
    ...(extra.work ? { work: extra.work } : {}),
    samples: { ms: ms.map(round), baseline: baseline.map(round) },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
