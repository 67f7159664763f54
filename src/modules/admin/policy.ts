import { isAdmin } from '../../core/auth/actor.ts';
import type { Rules } from '../../core/policy/policy.ts';

export const adminPolicies: Rules = {
  /** Mail can hold sign-in links: only platform administrators read the outbox. */
  'admin.outbox.read': isAdmin,
};
