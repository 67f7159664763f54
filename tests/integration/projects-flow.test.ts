import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { changeProjectStatus } from '../../src/modules/projects/change-project-status.ts';
import { confirmAgreement } from '../../src/modules/projects/confirm-agreement.ts';
import { decideReport } from '../../src/modules/projects/decide-report.ts';
import { leaveFeedback, moderateFeedback } from '../../src/modules/projects/feedback.ts';
import { makeAgreement } from '../../src/modules/projects/make-agreement.ts';
import { saveReport } from '../../src/modules/projects/save-report.ts';
import { indicatorTargets, projectBudgetLines, projectFeedback, projectIndicators, projects, projectStatusChanges, tranches } from '../../src/modules/projects/schema.ts';
import { submitReport } from '../../src/modules/projects/submit-report.ts';
import { ANONYMOUS } from '../../src/core/auth/actor.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { actorOf, makeUser } from '../support/competitions.ts';
import { makeProject, makeWinner, sampleTerms } from '../support/projects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('a funded project from agreement to accepted report', () => {
  it('starts only once both sides confirm, with the application’s indicators split over the periods', async () => {
    const w = await makeWinner(t.ctx);
    const organiser = await actorOf(t.ctx, w.organiser.id);
    const tooMuch = await makeAgreement(t.ctx, organiser, w.applicationId, sampleTerms(w.awardTiyn + 1));
    expect(tooMuch).toMatchObject({ ok: false, problems: expect.arrayContaining([{ key: 'projects.error.amount' }]) });
    const made = await makeAgreement(t.ctx, organiser, w.applicationId, sampleTerms(w.awardTiyn));
    if (!made.ok) throw new Error('not made');
    await expect(confirmAgreement(t.ctx, await actorOf(t.ctx, (await makeUser(t.ctx)).id), made.id, 'organisation')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await confirmAgreement(t.ctx, organiser, made.id, 'organiser')).toEqual({ ok: true, projectId: null });
    const started = await confirmAgreement(t.ctx, await actorOf(t.ctx, w.applicant.admin.id), made.id, 'organisation');
    expect(started.projectId).toBeTruthy();
    const indicators = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, started.projectId!));
    expect(indicators.map((i) => [i.name, i.unit])).toEqual([['Дөңгелек үстел', 'дана']]);
    const targets = await t.ctx.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicators[0]!.id));
    expect(targets.map((x) => x.target).sort()).toEqual([1, 2]);
    const lines = await t.ctx.db.select().from(projectBudgetLines).where(eq(projectBudgetLines.projectId, started.projectId!));
    expect(lines.reduce((s, l) => s + l.amountTiyn, 0)).toBe(w.awardTiyn);
  });

  it('returns a report with comments, accepts it resubmitted, and releases its tranche', async () => {
    const p = await makeProject(t.ctx);
    const member = await actorOf(t.ctx, p.applicant.admin.id);
    const organiser = await actorOf(t.ctx, p.organiser.id);
    const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
    const input = {
      narrative: 'Үш дөңгелек үстел өтті.',
      beneficiaries: { female: { '18-29': 40 }, male: { '18-29': 35 } },
      values: [{ indicatorId: indicator!.id, actual: 3, evidence: 'https://example.kz/photos' }],
      spending: [],
    };
    const saved = await saveReport(t.ctx, member, p.projectId, 2, input);
    if (!saved.ok) throw new Error(saved.key);
    expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
    expect(await saveReport(t.ctx, member, p.projectId, 2, input)).toEqual({ ok: false, key: 'projects.error.report-locked' });
    expect(await decideReport(t.ctx, organiser, saved.reportId, { accept: false, comments: 'Фотосуреттер жоқ' })).toMatchObject({ ok: true });
    expect((await saveReport(t.ctx, member, p.projectId, 2, { ...input, narrative: 'Фото қосылды.' })).ok).toBe(true);
    expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
    const accepted = await decideReport(t.ctx, organiser, saved.reportId, { accept: true });
    expect(accepted).toEqual({ ok: true, releasedTiyn: p.awardTiyn - Math.floor(p.awardTiyn / 2) });
    const [second] = await t.ctx.db.select().from(tranches).where(and(eq(tranches.agreementId, p.agreementId), eq(tranches.number, 2)));
    expect(second!.releasedAt).not.toBeNull();
    const released = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.agreementId), eq(auditLog.action, 'tranche.release')));
    // The advance when the agreement bound, the second tranche now.
    expect(released.map((r) => (r.changes as { tranche: number }).tranche).sort()).toEqual([1, 2]);
    const letters = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, p.applicant.admin.email));
    expect(letters.map((m) => m.subject).filter((s) => /returned|accepted/.test(s))).toHaveLength(2);
  });

  it('suspends and resumes with a reason, and never from a final status', async () => {
    const p = await makeProject(t.ctx);
    const organiser = await actorOf(t.ctx, p.organiser.id);
    expect(await changeProjectStatus(t.ctx, organiser, p.projectId, 'suspended', '')).toEqual({ ok: false, key: 'projects.error.reason' });
    expect(await changeProjectStatus(t.ctx, organiser, p.projectId, 'suspended', '«Астана Банкі» АҚ лицензиясынан айырылды')).toEqual({ ok: true });
    expect(await changeProjectStatus(t.ctx, organiser, p.projectId, 'active', 'Жаңа шот ашылды')).toEqual({ ok: true });
    expect(await changeProjectStatus(t.ctx, organiser, p.projectId, 'completed', 'Барлық есеп қабылданды')).toEqual({ ok: true });
    expect(await changeProjectStatus(t.ctx, organiser, p.projectId, 'active', 'Қайта ашу')).toEqual({ ok: false, key: 'projects.error.status-change' });
    const history = await t.ctx.db.select().from(projectStatusChanges).where(eq(projectStatusChanges.projectId, p.projectId)).orderBy(projectStatusChanges.changedAt);
    expect(history.map((h) => h.to)).toEqual(['active', 'suspended', 'active', 'completed']);
    const [row] = await t.ctx.db.select().from(projects).where(eq(projects.id, p.projectId));
    expect(row!.status).toBe('completed');
  });

  it('keeps a citizen’s comment hidden until the organiser publishes it', async () => {
    const p = await makeProject(t.ctx);
    const { id } = await leaveFeedback(t.ctx, ANONYMOUS, p.projectId, { authorName: 'Әсел', body: 'Кездесуге қатыстым, пайдалы болды.' });
    const [pending] = await t.ctx.db.select().from(projectFeedback).where(eq(projectFeedback.id, id));
    expect(pending!.status).toBe('pending');
    await expect(moderateFeedback(t.ctx, await actorOf(t.ctx, p.applicant.admin.id), id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await moderateFeedback(t.ctx, await actorOf(t.ctx, p.organiser.id), id, true);
    const [published] = await t.ctx.db.select().from(projectFeedback).where(eq(projectFeedback.id, id));
    expect(published!.status).toBe('published');
  });
});
