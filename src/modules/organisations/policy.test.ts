import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../../core/auth/actor.ts';
import { Policy } from '../../core/policy/policy.ts';
import { organisationPolicies } from './policy.ts';

const policy = new Policy();
policy.register(organisationPolicies);
const org = { id: 'org-a' };
const user = (over: Partial<Actor>): Actor => ({ ...ANONYMOUS, userId: 'u', ...over });

describe('organisation policies', () => {
  it('lets everyone read the register, and only signed-in users create or claim', () => {
    expect(policy.can(ANONYMOUS, 'organisation.list')).toBe(true);
    expect(policy.can(ANONYMOUS, 'organisation.view', org)).toBe(true);
    expect(policy.can(ANONYMOUS, 'organisation.create')).toBe(false);
    expect(policy.can(ANONYMOUS, 'organisation.claim')).toBe(false);
    expect(policy.can(user({}), 'organisation.create')).toBe(true);
  });

  it('lets the organisation’s admins and platform admins edit and manage members, nobody else', () => {
    const actions = ['organisation.edit', 'organisation.members.manage'];
    for (const action of actions) {
      expect(policy.can(ANONYMOUS, action, org)).toBe(false);
      expect(policy.can(user({ memberships: [{ organisationId: 'org-a', role: 'admin' }] }), action, org)).toBe(true);
      expect(policy.can(user({ memberships: [{ organisationId: 'org-a', role: 'staff' }] }), action, org)).toBe(false);
      expect(policy.can(user({ memberships: [{ organisationId: 'org-b', role: 'admin' }] }), action, org)).toBe(false);
      expect(policy.can(user({ roles: new Set(['admin']) }), action, org)).toBe(true);
      expect(policy.can(user({ roles: new Set(['organiser', 'expert']) }), action, org)).toBe(false);
    }
  });
});
