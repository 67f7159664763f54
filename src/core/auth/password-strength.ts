import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

const require = createRequire(import.meta.url);
let estimator: ZxcvbnFactory | null = null;

/**
 * True for passwords an attacker would try early: common passwords, keyboard walks, repeats,
 * dates and names, judged by zxcvbn against the lists shipped in @zxcvbn-ts/language-common.
 * The lists (~15 MB resident) are read on the first password checked, not at start; the check
 * runs inside a synchronous schema refinement, hence `require`.
 */
export function isGuessable(password: string): boolean {
  if (!estimator) {
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const { adjacencyGraphs, dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    estimator = new Factory({ dictionary, graphs: adjacencyGraphs });
  }
  return estimator.check(password.slice(0, 100)).score < 3;
}
