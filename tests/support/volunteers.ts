import type { AppContext } from '../../src/core/module.ts';
import type { Area } from '../../src/modules/organisations/schema.ts';
import {
  opportunities,
  type Risk,
  type Skill,
  shifts,
  volunteerCoordinators,
  volunteerOrganisations,
  volunteerProfiles,
} from '../../src/modules/volunteers/schema.ts';
import { makeUser } from './competitions.ts';

/**
 * Factories for volunteer tests: each makes what it needs and nothing shared, so tests can run in
 * any order against one database. Times are relative to the app's clock.
 */
const HOUR = 3_600_000;

/** A volunteer: an account with a profile (an adult in Almaty by default). */
export async function makeVolunteer(
  ctx: AppContext,
  opts: { birthDate?: string; regionCode?: string; skills?: Skill[]; openToInvitations?: boolean; publicProfile?: boolean; consent?: boolean; name?: string } = {},
) {
  const user = await makeUser(ctx, { roles: ['volunteer'], name: opts.name });
  await ctx.db.insert(volunteerProfiles).values({
    userId: user.id,
    birthDate: opts.birthDate ?? '1995-04-12',
    regionCode: opts.regionCode ?? 'KZ-75',
    city: 'Алматы',
    languages: ['kk', 'ru'],
    skills: opts.skills ?? [],
    openToInvitations: opts.openToInvitations ?? false,
    publicProfile: opts.publicProfile ?? false,
    consentParentName: opts.consent ? 'Ата-анасы' : null,
    consentRecordedAt: opts.consent ? ctx.clock.now() : null,
  });
  return user;
}

/** A volunteer organisation: an informal group unless `organisationId` is given; its coordinator is a new user unless named. */
export async function makeHost(ctx: AppContext, opts: { organisationId?: string; coordinatorIds?: string[]; regionCode?: string } = {}) {
  const coordinatorIds = opts.coordinatorIds ?? [(await makeUser(ctx)).id];
  const [host] = await ctx.db
    .insert(volunteerOrganisations)
    .values({
      organisationId: opts.organisationId ?? null,
      groupNameKk: opts.organisationId ? null : 'Сынақ еріктілер тобы',
      groupNameRu: opts.organisationId ? null : 'Тестовая группа волонтёров',
      regionCode: opts.regionCode ?? 'KZ-75',
      city: 'Алматы',
    })
    .returning();
  for (const userId of coordinatorIds) await ctx.db.insert(volunteerCoordinators).values({ volunteerOrganisationId: host!.id, userId });
  return { host: host!, coordinatorId: coordinatorIds[0]! };
}

/** An opportunity with shifts; each shift starts `inHours` from now and lasts `hours`. */
export async function makeOpportunity(
  ctx: AppContext,
  hostId: string,
  opts: { minAge?: number; risk?: Risk; area?: Area; regionCode?: string; online?: boolean; skills?: Skill[]; campaignId?: string; shifts?: { inHours: number; hours?: number; capacity: number }[] } = {},
) {
  const [opportunity] = await ctx.db
    .insert(opportunities)
    .values({
      volunteerOrganisationId: hostId,
      campaignId: opts.campaignId ?? null,
      titleKk: 'Саябақты тазалау',
      titleRu: 'Уборка парка',
      descriptionKk: 'Сенбілік: қоқыс жинау және ағаш отырғызу.',
      descriptionRu: 'Субботник: сбор мусора и посадка деревьев.',
      area: opts.area ?? 'environment',
      regionCode: opts.regionCode ?? 'KZ-75',
      online: opts.online ?? false,
      address: opts.online ? null : 'Алматы, Абай даңғылы, 10',
      skills: opts.skills ?? [],
      minAge: opts.minAge ?? 10,
      risk: opts.risk ?? 'none',
    })
    .returning();
  const now = ctx.clock.now().getTime();
  const made = [];
  for (const s of opts.shifts ?? [{ inHours: 48, capacity: 10 }]) {
    const [shift] = await ctx.db
      .insert(shifts)
      .values({ opportunityId: opportunity!.id, startsAt: new Date(now + s.inHours * HOUR), endsAt: new Date(now + (s.inHours + (s.hours ?? 3)) * HOUR), capacity: s.capacity })
      .returning();
    made.push(shift!);
  }
  return { opportunity: opportunity!, shifts: made };
}
