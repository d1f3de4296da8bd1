/**
 * The steps of `xuncha demo`, in the order they run. Later work adds its own (rounds and
 * groups, units, inspections, problems and clues from the 2020 report …) after these two.
 */
import { accountsStep } from './accounts';
import type { DemoStep } from './types';
import { vaultStep } from './vault';

export const demoSteps: readonly DemoStep[] = [vaultStep, accountsStep];
