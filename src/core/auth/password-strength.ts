import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

let estimator: ZxcvbnFactory | null = null;

/**
 * True for passwords an attacker would try early: common passwords, keyboard walks, repeats,
 * dates and names, judged by zxcvbn against the lists shipped in @zxcvbn-ts/language-common.
 */
export function isGuessable(password: string): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password.slice(0, 100)).score < 3;
}
