import { eq } from 'drizzle-orm';
import type { AppContext } from '../../src/core/module.ts';
import { applications, competitions, lots } from '../../src/modules/competitions/schema.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { confirmAgreement } from '../../src/modules/projects/confirm-agreement.ts';
import { type AgreementInput, makeAgreement } from '../../src/modules/projects/make-agreement.ts';
import { actorOf, completeApplication, makeApplicant, makeCompetition } from './competitions.ts';

/**
 * A lot already won: a published competition whose only lot's winner is a fresh NGO. The
 * result is set directly (tests/integration/competitions-flow.test.ts covers computing it).
 */
export async function makeWinner(ctx: AppContext, opts: { requestedTiyn?: number } = {}) {
  const c = await makeCompetition(ctx);
  const applicant = await makeApplicant(ctx, c.year);
  const applicationId = await completeApplication(ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id, { requestedTiyn: opts.requestedTiyn ?? 200_000_000 });
  const submitted = await submitApplication(ctx, await actorOf(ctx, applicant.admin.id), applicationId);
  if (!submitted.ok) throw new Error(submitted.key);
  const [app] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId));
  await ctx.db.update(applications).set({ status: 'admitted', score: 50, rank: 1 }).where(eq(applications.id, applicationId));
  await ctx.db.update(lots).set({ outcome: 'awarded', winnerApplicationId: applicationId, awardTiyn: app!.requestedTiyn }).where(eq(lots.id, c.lots[0]!.id));
  await ctx.db.update(competitions).set({ stage: 'published', publishedAt: ctx.clock.now() }).where(eq(competitions.id, c.competitionId));
  return { ...c, applicant, applicationId, awardTiyn: app!.requestedTiyn };
}

/** Terms for a winner's agreement: two half-year periods, half paid in advance and half on the final report. */
export const sampleTerms = (amountTiyn: number, year = 2027): AgreementInput => ({
  number: `AGR-${year}-${Math.floor(Math.random() * 1e6)}`,
  signedOn: `${year}-01-15`,
  amountTiyn,
  startsOn: `${year}-02-01`,
  endsOn: `${year}-11-30`,
  periods: [
    { startsOn: `${year}-02-01`, endsOn: `${year}-06-30`, reportDueOn: `${year}-07-10` },
    { startsOn: `${year}-07-01`, endsOn: `${year}-11-30`, reportDueOn: `${year}-12-10` },
  ],
  tranches: [
    { amountTiyn: Math.floor(amountTiyn / 2), periodNumber: null },
    { amountTiyn: amountTiyn - Math.floor(amountTiyn / 2), periodNumber: 2 },
  ],
});

/** A running project: the winner's agreement made and confirmed by both sides. */
export async function makeProject(ctx: AppContext) {
  const w = await makeWinner(ctx);
  const organiser = await actorOf(ctx, w.organiser.id);
  const made = await makeAgreement(ctx, organiser, w.applicationId, sampleTerms(w.awardTiyn));
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  await confirmAgreement(ctx, organiser, made.id, 'organiser');
  const confirmed = await confirmAgreement(ctx, await actorOf(ctx, w.applicant.admin.id), made.id, 'organisation');
  if (!confirmed.projectId) throw new Error('the project did not start');
  return { ...w, agreementId: made.id, projectId: confirmed.projectId };
}
