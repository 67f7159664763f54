import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { userRoles, users } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import { newPassword, normaliseEmail } from './inputs.ts';

export class CreateAdminError extends Error {}

/**
 * Creates a confirmed platform administrator, or makes an existing account one. Run from the
 * command line by whoever operates the server, before anyone can sign in.
 */
export async function createAdmin(
  ctx: AppContext,
  input: { email: string; name: string; password: string; replacePassword?: boolean },
): Promise<{ userId: string; created: boolean }> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new CreateAdminError(`Not an e-mail address: ${input.email}`);
  const password = newPassword.safeParse(input.password);
  if (!password.success) throw new CreateAdminError('The password must be 10 to 200 characters long and not easy to guess.');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id, verified: users.emailVerifiedAt }).from(users).where(eq(users.email, email));
    const userId =
      existing?.id ??
      (await tx.insert(users).values({ email, name: input.name, passwordHash, emailVerifiedAt: new Date() }).returning({ id: users.id }))[0]!.id;
    if (existing) {
      // The operator vouches for the address; a password given on the command line replaces the old one.
      await tx
        .update(users)
        .set({ emailVerifiedAt: existing.verified ?? new Date(), ...(input.replacePassword ? { passwordHash } : {}) })
        .where(eq(users.id, userId));
    }
    await tx.insert(userRoles).values({ userId, role: 'admin' }).onConflictDoNothing();
    await recordAudit(tx, { actorId: null, action: 'user.grant-role', entityType: 'user', entityId: userId, changes: { role: 'admin', via: 'cli' } });
    return { userId, created: !existing };
  });
}
