import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareConflict } from '../../src/modules/competitions/declare-conflict.ts';
import { decideAdmission } from '../../src/modules/competitions/decide-admission.ts';
import { nameCommission } from '../../src/modules/competitions/name-commission.ts';
import { publishResults } from '../../src/modules/competitions/publish-results.ts';
import { applications, conflictDeclarations, scores } from '../../src/modules/competitions/schema.ts';
import { scoreApplication } from '../../src/modules/competitions/score-application.ts';
import { startEvaluation } from '../../src/modules/competitions/start-evaluation.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { organisationMembers } from '../../src/modules/organisations/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { actorOf, clientOf, completeApplication, makeApplicant, makeCompetition, makeUser } from '../support/competitions.ts';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
});
afterAll(() => t.close());

/** The criteria of the grant rules the test competitions are announced under: weights 2, 1, 1, 1, 1, 1, ten points each. */
const CRITERIA = ['relevance', 'goals', 'plan', 'capacity', 'budget', 'sustainability'];
const scoreForm = (points: number, over: Record<string, string> = {}) => ({
  ...Object.fromEntries(CRITERIA.flatMap((c) => [[`points.${c}`, String(points)], [`comment.${c}`, `Comment on ${c}`]])),
  ...over,
});
const scoresOf = (points: number) => CRITERIA.map((criterion) => ({ criterion, points, comment: `${criterion}: ${points}` }));

/**
 * A competition whose commission of three experts sits, with two admitted applications. With
 * `staffExpert`, the third expert is staff of the first applicant.
 */
async function sittingCommission(opts: { staffExpert?: boolean; start?: boolean } = {}) {
  t.ctx.clock.setOffset!(0);
  const c = await makeCompetition(t.ctx);
  const lot = c.lots[0]!;
  const one = await makeApplicant(t.ctx, c.year);
  const two = await makeApplicant(t.ctx, c.year);
  const ids: string[] = [];
  for (const applicant of [one, two]) {
    const id = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, lot.id);
    const submitted = await submitApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), id);
    if (!submitted.ok) throw new Error('could not submit');
    ids.push(id);
  }
  t.ctx.clock.setOffset!(8 * DAY);
  const experts = await Promise.all([1, 2, 3].map(() => makeUser(t.ctx, { roles: ['expert'] })));
  if (opts.staffExpert) await t.ctx.db.insert(organisationMembers).values({ organisationId: one.organisation.id, userId: experts[2]!.id, role: 'staff' });
  const organiser = await actorOf(t.ctx, c.organiser.id);
  expect(await nameCommission(t.ctx, organiser, c.competitionId, experts.map((e) => e.id))).toEqual({ ok: true });
  for (const id of ids) expect(await decideAdmission(t.ctx, organiser, id, { admit: true })).toEqual({ ok: true });
  if (opts.start !== false) expect(await startEvaluation(t.ctx, organiser, c.competitionId)).toEqual({ ok: true });
  const receipts = await Promise.all(ids.map(async (id) => (await t.ctx.db.select().from(applications).where(eq(applications.id, id)))[0]!.receiptNumber!));
  return { ...c, one, two, a1: ids[0]!, a2: ids[1]!, receipts, experts, organiserActor: organiser };
}

const page = (appId: string) => `/en/expert/applications/${appId}`;

describe('the expert’s desk', () => {
  it('is refused to visitors, to signed-in people who are not experts, and to experts not on the commission', async () => {
    const c = await sittingCommission();
    const anonymous = await t.app.inject({ method: 'GET', url: '/en/expert' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/en\/login\?next=/);

    // An NGO admin (and the organiser) are not experts.
    const ngoAdmin = await clientOf(t, c.one.admin.id);
    expect((await ngoAdmin.get('/en/expert')).statusCode).toBe(403);
    expect((await ngoAdmin.get(page(c.a1))).statusCode).toBe(403);
    const organiser = await clientOf(t, c.organiser.id);
    expect((await organiser.get(page(c.a1))).statusCode).toBe(403);

    // An expert who is not on this commission sees an empty desk and cannot open, declare or score.
    const outsider = await clientOf(t, (await makeUser(t.ctx, { roles: ['expert'] })).id);
    const desk = await outsider.get('/en/expert');
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('You are not on any competition’s commission yet');
    const open = await outsider.get(page(c.a1));
    expect(open.statusCode).toBe(403);
    expect(open.body).toContain('You are not on the commission of this application’s competition');
    expect(open.body).not.toContain(c.receipts[0]!);
    expect((await outsider.post(`${page(c.a1)}/declaration`, { hasConflict: 'no' })).statusCode).toBe(403);
    expect((await outsider.post(`${page(c.a1)}/scores`, scoreForm(8))).statusCode).toBe(403);
    expect(await t.ctx.db.select().from(conflictDeclarations).where(eq(conflictDeclarations.applicationId, c.a1))).toEqual([]);

    // An unknown application is not found.
    const expert = await clientOf(t, c.experts[0]!.id);
    expect((await expert.get(page('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });

  it('lists the assignments, takes a declaration, refuses a comment-less score keeping what was typed, then saves and shows the total', async () => {
    const c = await sittingCommission();
    const expert = await clientOf(t, c.experts[0]!.id);

    const desk = await expert.get('/en/expert');
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('Commission is scoring');
    for (const receipt of c.receipts) expect(desk.body).toContain(receipt);
    expect(desk.body).toContain(`${c.one.organisation.nameEn}`);
    expect(desk.body.match(/To declare: conflict of interest/g)).toHaveLength(2);

    // Before declaring, the page is the declaration form with the rules.
    const form = await expert.get(page(c.a1));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="hasConflict"');
    expect(form.body).toContain('direct financial support');
    expect(form.body).not.toContain('name="points.relevance"');
    const unchosen = await expert.post(`${page(c.a1)}/declaration`, { note: 'thinking' });
    expect(unchosen.statusCode).toBe(422);
    expect(unchosen.body).toContain('Choose whether you have a conflict of interest.');
    expect(unchosen.body).toContain('thinking</textarea>');
    // Scoring before declaring is refused, and says why.
    const early = await expert.post(`${page(c.a1)}/scores`, scoreForm(8));
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('Declare whether you have a conflict of interest');

    const declared = await expert.post(`${page(c.a1)}/declaration`, { hasConflict: 'no', note: '' });
    expect(declared.statusCode).toBe(303);
    expect(declared.headers.location).toBe(page(c.a1));
    const scoring = await expert.follow();
    expect(scoring.statusCode).toBe(200);
    expect(scoring.body).toContain('no conflict of interest. You can now score');
    expect(scoring.body).toContain('name="points.relevance"');
    expect(scoring.body).toContain('Maximum points: 10; weight: 2.');

    // A missing comment: 422, the field named, everything typed kept.
    const missing = await expert.post(`${page(c.a1)}/scores`, scoreForm(8, { 'comment.plan': '  ', 'points.goals': '11' }));
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain(': write a comment.');
    expect(missing.body).toContain('choose whole points between 0 and 10.');
    expect(missing.body).toContain('href="#field-comment.plan"');
    expect(missing.body).toContain('Comment on relevance</textarea>');
    expect(missing.body).toMatch(/<option value="8" selected/);
    expect(await t.ctx.db.select().from(scores).where(eq(scores.applicationId, c.a1))).toEqual([]);

    const saved = await expert.post(`${page(c.a1)}/scores`, scoreForm(8));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/en/expert');
    const rows = await t.ctx.db
      .select()
      .from(scores)
      .where(and(eq(scores.applicationId, c.a1), eq(scores.expertId, c.experts[0]!.id)));
    expect(rows.map((r) => [r.criterion, r.points, r.comment]).sort()).toEqual(CRITERIA.map((code) => [code, 8, `Comment on ${code}`]).sort());
    const after = await expert.follow();
    // 2 × 8 + 5 × 8 = 56 of 2 × 10 + 5 × 10 = 70.
    expect(after.body).toContain(`Your scores for application ${c.receipts[0]} are saved: weighted total 56 of 70.`);
    expect(after.body).toContain('Scored: 56 of 70');
    expect(after.body).toContain('Applications scored: 1 of 2.');

    // The page opens again with the saved scores, to be revised while the commission sits.
    const again = await expert.get(page(c.a1));
    expect(again.body).toContain('Your saved weighted total: 56 of 70.');
    expect(again.body).toMatch(/<option value="8" selected/);
    expect(again.body).toContain('Comment on sustainability</textarea>');

    // In Kazakh and Russian too.
    expect((await expert.get(`/kk/expert/applications/${c.a1}`)).body).toContain('Сақталған салмақталған қорытынды балыңыз: 70 ішінен 56.');
    expect((await expert.get('/ru/expert')).body).toContain('Оценено: 56 из 70');
  });

  it('refuses a "no conflict" from staff of the applicant, records the conflict, and keeps the scoring shut', async () => {
    const c = await sittingCommission({ staffExpert: true });
    const staff = await clientOf(t, c.experts[2]!.id);

    const form = await staff.get(page(c.a1));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('The register lists you as a member or staff of');

    const refused = await staff.post(`${page(c.a1)}/declaration`, { hasConflict: 'no' });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(page(c.a1));
    const [declaration] = await t.ctx.db
      .select()
      .from(conflictDeclarations)
      .where(and(eq(conflictDeclarations.applicationId, c.a1), eq(conflictDeclarations.expertId, c.experts[2]!.id)));
    expect(declaration).toMatchObject({ hasConflict: true });

    const shut = await staff.follow();
    expect(shut.statusCode).toBe(403);
    expect(shut.body).toContain('You are a member or staff of the applicant, so you have a conflict of interest');
    expect(shut.body).toContain('You are recused from this application');
    expect(shut.body).toContain('so the system recorded a conflict of interest');
    expect(shut.body).not.toContain('name="points.relevance"');

    const post = await staff.post(`${page(c.a1)}/scores`, scoreForm(9));
    expect(post.statusCode).toBe(403);
    expect(await t.ctx.db.select().from(scores).where(eq(scores.expertId, c.experts[2]!.id))).toEqual([]);

    const desk = await staff.get('/en/expert');
    expect(desk.body).toContain('Recused: the register lists you as a member or staff of the applicant');
    // The other application is theirs to declare on and score.
    expect(desk.body).toContain('To declare: conflict of interest');
  });

  it('keeps an expert who declared a conflict away from the scoring, for good', async () => {
    const c = await sittingCommission();
    const expert = await clientOf(t, c.experts[1]!.id);
    await expert.get(page(c.a2));
    const declared = await expert.post(`${page(c.a2)}/declaration`, { hasConflict: 'yes', note: 'I advised them last spring' });
    expect(declared.statusCode).toBe(303);
    expect(declared.headers.location).toBe('/en/expert');
    const desk = await expert.follow();
    expect(desk.body).toContain(`you are recused from application ${c.receipts[1]}`);
    expect(desk.body).toContain('Recused: you declared a conflict of interest');

    const open = await expert.get(page(c.a2));
    expect(open.statusCode).toBe(403);
    expect(open.body).toContain('You declared a conflict of interest with the applicant');
    expect(open.body).toContain('I advised them last spring');
    expect((await expert.post(`${page(c.a2)}/scores`, scoreForm(10))).statusCode).toBe(403);
    // Taking it back is refused: a declared conflict is final.
    const retract = await expert.post(`${page(c.a2)}/declaration`, { hasConflict: 'no' });
    expect(retract.statusCode).toBe(303);
    const final = await expert.follow();
    expect(final.statusCode).toBe(403);
    expect(final.body).toContain('A declared conflict of interest is final.');
    expect(await t.ctx.db.select().from(scores).where(eq(scores.expertId, c.experts[1]!.id))).toEqual([]);
  });

  it('lets an expert who scored recuse themselves later, removing their scores', async () => {
    const c = await sittingCommission();
    const expert = await clientOf(t, c.experts[0]!.id);
    await expert.get(page(c.a1));
    await expert.post(`${page(c.a1)}/declaration`, { hasConflict: 'no' });
    await expert.follow();
    expect((await expert.post(`${page(c.a1)}/scores`, scoreForm(6))).statusCode).toBe(303);
    await expert.get(page(c.a1));
    const recused = await expert.post(`${page(c.a1)}/declaration`, { hasConflict: 'yes', note: 'Found out my cousin runs it' });
    expect(recused.statusCode).toBe(303);
    expect(await t.ctx.db.select().from(scores).where(eq(scores.expertId, c.experts[0]!.id))).toEqual([]);
    expect((await expert.get(page(c.a1))).statusCode).toBe(403);
  });

  it('takes neither declarations nor scores before the commission starts sitting', async () => {
    const c = await sittingCommission({ start: false });
    const expert = await clientOf(t, c.experts[0]!.id);
    const desk = await expert.get('/en/expert');
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('The commission has not started sitting yet.');
    expect(desk.body).not.toContain(c.receipts[0]!);
    const open = await expert.get(page(c.a1));
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('accepted only while the commission sits');
    expect(open.body).not.toContain('name="hasConflict"');
    const declare = await expert.post(`${page(c.a1)}/declaration`, { hasConflict: 'no' });
    expect(declare.statusCode).toBe(403);
    expect(declare.body).toContain('The commission is not sitting yet');
    expect(await t.ctx.db.select().from(conflictDeclarations).where(eq(conflictDeclarations.applicationId, c.a1))).toEqual([]);
  });

  it('locks the scores once the results are published', async () => {
    const c = await sittingCommission();
    for (const [i, points] of [
      [0, 8],
      [1, 6],
    ] as const) {
      const actor = await actorOf(t.ctx, c.experts[i]!.id);
      for (const a of [c.a1, c.a2]) {
        expect(await declareConflict(t.ctx, actor, a, { hasConflict: false })).toEqual({ ok: true });
        expect(await scoreApplication(t.ctx, actor, a, scoresOf(points))).toEqual({ ok: true });
      }
    }
    expect((await publishResults(t.ctx, c.organiserActor, c.competitionId)).ok).toBe(true);

    const expert = await clientOf(t, c.experts[0]!.id);
    const desk = await expert.get('/en/expert');
    expect(desk.body).toContain('your scores are locked');
    expect(desk.body).toContain('Results published');
    expect(desk.body).toContain('Scored: 56 of 70');
    const locked = await expert.get(page(c.a1));
    expect(locked.statusCode).toBe(200);
    expect(locked.body).toContain('Your scores (locked)');
    expect(locked.body).not.toContain('name="points.relevance"');
    const post = await expert.post(`${page(c.a1)}/scores`, scoreForm(1));
    expect(post.statusCode).toBe(403);
    expect(post.body).toContain('declarations and scores can no longer be changed');
    // Nor can the third expert, who never declared, declare now.
    const late = await clientOf(t, c.experts[2]!.id);
    await late.get('/en/expert');
    expect((await late.post(`${page(c.a1)}/declaration`, { hasConflict: 'no' })).statusCode).toBe(403);
    const kept = await t.ctx.db.select().from(scores).where(and(eq(scores.applicationId, c.a1), eq(scores.expertId, c.experts[0]!.id)));
    expect(kept.every((s) => s.points === 8)).toBe(true);
  });
});
