import { hashPassword } from '../../core/auth/password.ts';
import { type Role, userRoles, users } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';

export const DEMO_PASSWORD = 'ortaq-demo-2026';

/** One confirmed account per role; the README prints them. Organisation memberships come from the organisations module. */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@ortaq.kz', name: 'Ortaq әкімшісі', roles: ['admin'] },
  { email: 'organiser@ortaq.kz', name: 'Нұрлан Өтешев', roles: ['organiser'] },
  { email: 'expert@ortaq.kz', name: 'Гүлнар Сәрсенова', roles: ['expert'] },
  { email: 'consultant@ortaq.kz', name: 'Дәмелі Жақсылықова', roles: ['consultant'] },
  { email: 'volunteer@ortaq.kz', name: 'Ерлан Қасымов', roles: ['volunteer'] },
  { email: 'ngo-admin@ortaq.kz', name: 'Айгүл Дүйсенова', roles: [] },
  { email: 'ngo-staff@ortaq.kz', name: 'Қуаныш Дүйсембаев', roles: [] },
  { email: 'ngo-koksu@ortaq.kz', name: 'Фахридин Джабрайлов', roles: [] },
];

export async function seedDemoAccounts(ctx: AppContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash, emailVerifiedAt: new Date(), locale: 'kk' })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) continue;
      for (const role of account.roles) await tx.insert(userRoles).values({ userId: user.id, role }).onConflictDoNothing();
    }
  });
}
