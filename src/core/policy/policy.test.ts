import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../auth/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { Policy } from './policy.ts';

const admin: Actor = { ...ANONYMOUS, userId: 'u1', roles: new Set(['admin']) };

describe('policy', () => {
  const policy = new Policy();
  policy.register({
    'thing.read': () => true,
    'thing.delete': (actor) => actor.roles.has('admin'),
    'thing.explode': () => {
      throw new Error('a rule that fails');
    },
  });

  it('denies an action no module has a rule for, even to an administrator', () => {
    expect(policy.can(admin, 'thing.unknown')).toBe(false);
    expect(() => policy.authorize(admin, 'thing.unknown')).toThrow(AppError);
  });

  it('follows the rule when there is one', () => {
    expect(policy.can(ANONYMOUS, 'thing.read')).toBe(true);
    expect(policy.can(ANONYMOUS, 'thing.delete')).toBe(false);
    expect(policy.can(admin, 'thing.delete')).toBe(true);
  });

  it('denies when a rule throws', () => {
    expect(policy.can(admin, 'thing.explode')).toBe(false);
  });

  it('refuses two rules for one action', () => {
    expect(() => policy.register({ 'thing.read': () => false })).toThrow('defined twice');
  });
});
