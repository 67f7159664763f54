import type { BudgetLine, RuleDefinition } from './schema.ts';

export type BudgetCheck = { totalTiyn: number; administrativeTiyn: number; problems: BudgetProblem[] };
export type BudgetProblem =
  | { code: 'over-lot-budget'; totalTiyn: number; budgetTiyn: number }
  | { code: 'administrative-share'; percent: number; maxPercent: number }
  | { code: 'empty' };

/** Totals are computed, never typed: the whole must fit the lot, and the administrative share the rule's limit. */
export function checkBudget(lines: readonly BudgetLine[], lotBudgetTiyn: number, rule: Pick<RuleDefinition, 'maxAdministrativePercent'>): BudgetCheck {
  const totalTiyn = lines.reduce((sum, l) => sum + l.amountTiyn, 0);
  const administrativeTiyn = lines.filter((l) => l.kind === 'administrative').reduce((sum, l) => sum + l.amountTiyn, 0);
  const problems: BudgetProblem[] = [];
  if (lines.length === 0 || totalTiyn === 0) problems.push({ code: 'empty' });
  if (totalTiyn > lotBudgetTiyn) problems.push({ code: 'over-lot-budget', totalTiyn, budgetTiyn: lotBudgetTiyn });
  if (totalTiyn > 0 && administrativeTiyn * 100 > totalTiyn * rule.maxAdministrativePercent) {
    problems.push({ code: 'administrative-share', percent: Math.round((administrativeTiyn * 1000) / totalTiyn) / 10, maxPercent: rule.maxAdministrativePercent });
  }
  return { totalTiyn, administrativeTiyn, problems };
}
