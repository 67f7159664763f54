import type { Rules } from '../../core/policy/policy.ts';

export const organisationPolicies: Rules = {
  /** The register is public. */
  'organisation.list': () => true,
  /** Every organisation's profile is public. */
  'organisation.view': () => true,
};
