import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * A rule says whether an actor may do an action to a resource. Rules are registered by modules
 * for their own actions; an action with no rule, or whose rule says no, is denied.
 */
export type Rule<R = unknown> = (actor: Actor, resource: R) => boolean;
export type Rules = Record<string, Rule<never>>;

export class Policy {
  private readonly rules = new Map<string, Rule<never>>();

  register(rules: Rules): void {
    for (const [action, rule] of Object.entries(rules)) {
      if (this.rules.has(action)) throw new Error(`Policy rule defined twice: ${action}`);
      this.rules.set(action, rule);
    }
  }

  actions(): string[] {
    return [...this.rules.keys()];
  }

  can<R>(actor: Actor, action: string, resource?: R): boolean {
    const rule = this.rules.get(action) as Rule<R | undefined> | undefined;
    if (!rule) return false;
    try {
      return rule(actor, resource) === true;
    } catch {
      return false;
    }
  }

  authorize<R>(actor: Actor, action: string, resource?: R): void {
    if (!this.can(actor, action, resource)) throw new AppError('FORBIDDEN');
  }
}
