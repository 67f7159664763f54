import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import { useToken } from './use-token.ts';

export async function confirmEmail(ctx: AppContext, token: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const userId = await useToken(tx, token, 'confirm-email');
    if (!userId) return false;
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
    await recordAudit(tx, { actorId: userId, action: 'user.confirm-email', entityType: 'user', entityId: userId });
    return true;
  });
}
