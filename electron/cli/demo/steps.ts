/**
 * The steps of `xuncha demo`, in the order they run. Later work adds its own (problems and
 * clues from the 2020 report …) after these.
 */
import { accountsStep } from './accounts';
import { assessmentsStep } from './assessments';
import { earlierRoundsStep } from './earlier-rounds';
import { registryStep } from './registry';
import { round8Step } from './round-8';
import { round9Step } from './round-9';
import type { DemoStep } from './types';
import { vaultStep } from './vault';

export const demoSteps: readonly DemoStep[] = [vaultStep, accountsStep, registryStep, assessmentsStep, earlierRoundsStep, round8Step, round9Step];
