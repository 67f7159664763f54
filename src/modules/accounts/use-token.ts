import { and, eq, gt, isNull } from 'drizzle-orm';
import { accountTokens } from '../../core/auth/schema.ts';
import { tokenId } from '../../core/auth/tokens.ts';
import type { Executor } from '../../core/db/client.ts';

/**
 * Marks an e-mailed token used and returns its user, or null when it is unknown, expired, used,
 * or for another purpose. The update is the check, so a token works exactly once even when two
 * requests race.
 */
export async function useToken(tx: Executor, token: string, purpose: 'confirm-email' | 'reset-password'): Promise<string | null> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(accountTokens.id, tokenId(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: accountTokens.userId });
  return row?.userId ?? null;
}
