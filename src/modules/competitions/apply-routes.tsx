
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.ts';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError, forbidden, notFound } from '../../core/errors/app-error.ts';
import { files } from '../../core/files/schema.ts';
import { safeFileName } from '../../core/files/sniff.ts';
import { formatters } from '../../core/format/intl.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import { emptyForm, type FormErrors, type FormState, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationName, organisations } from '../organisations/index.ts';
import { attachDocument, removeAttachment } from './attach-document.ts';
import { checkBudget } from './budget.ts';
import { expertStanding } from './commission.ts';
import { type ContentStep, STEPS, type Step } from './content.ts';
import { checkApplication } from './eligibility.ts';
import { parseStep, rowsOf } from './inputs.ts';
import { isAccepting } from './phase.ts';
import { type ApplicationRecord, applicationAttachmentsOf, applicationRef, type LotRecord, loadApplication, loadLot, localised } from './records.ts';
import { saveApplication } from './save-application.ts';
import { applicationAttachments, applications, competitions, lots } from './schema.ts';
import { startApplication } from './start-application.ts';
import { submitApplication } from './submit-application.ts';
import { withdrawApplication } from './withdraw-application.ts';
import { ApplicationAttachmentsPage } from './views/application-attachments.tsx';
import { type ApplicationListRow, ApplicationListPage } from './views/application-list.tsx';
import { ApplicationOverviewPage, ApplicationReceiptPage, ApplicationReviewPage } from './views/application-overview.tsx';
import { type ApplicationState, applicationPath, type Problem, STEP_CHECK, stepPath } from './views/application-parts.tsx';
import { type ApplicantChoice, ApplicationStartPage } from './views/application-start.tsx';
import { ApplicationStepPage, AutosaveResult, columnsOf, ROW_COLUMNS, type StepPageProps, stepValues } from './views/application-step.tsx';

/** Blank rows offered under the filled ones; "Add rows" offers more, up to a limit. */
const BLANK_ROWS = 2;
const MAX_BLANK_ROWS = 30;
const MORE_ROWS = 3;

const StartInput = z.object({
  organisationId: z.string().refine(isUuid, 'competitions.apply.error.organisation'),
  language: z.enum(['kk', 'ru'], { message: 'competitions.apply.error.language' }),
});
const Version = z.coerce.number().int().positive();

/** The files attached to an application, oldest first, for its pages and its read-only view. */
/** The applications of the organisations the actor is a member of: scoped by who asks. */
async function applicationsOfMember(db: Executor, actor: Actor): Promise<ApplicationListRow[]> {
  const ids = actor.memberships.map((m) => m.organisationId);
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: applications.id,
      status: applications.status,
      receiptNumber: applications.receiptNumber,
      competition: {
        id: competitions.id,
        number: competitions.number,
        titleKk: competitions.titleKk,
        titleRu: competitions.titleRu,
        titleEn: competitions.titleEn,
        deadlineAt: competitions.deadlineAt,
      },
      lot: { id: lots.id, number: lots.number, titleKk: lots.titleKk, titleRu: lots.titleRu, titleEn: lots.titleEn },
      organisation: { nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn },
    })
    .from(applications)
    .innerJoin(lots, eq(lots.id, applications.lotId))
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(inArray(applications.organisationId, ids))
    .orderBy(desc(competitions.deadlineAt), lots.number, applications.createdAt);
  return rows;
}

/** The non-governmental organisations the actor may apply for, each with its live application to the lot, if any. */
async function applicantChoices(db: Executor, actor: Actor, lotId: string, lang: FastifyRequest['lang']): Promise<ApplicantChoice[]> {
  const ids = actor.memberships.map((m) => m.organisationId);
  if (ids.length === 0) return [];
  const orgs = await db
    .select()
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'ngo')));
  const live = await db
    .select({ id: applications.id, organisationId: applications.organisationId })
    .from(applications)
    .where(and(eq(applications.lotId, lotId), inArray(applications.organisationId, ids), ne(applications.status, 'withdrawn')));
  return orgs
    .map((o) => ({ id: o.id, name: organisationName(o, lang), bin: o.bin, applicationId: live.find((a) => a.organisationId === o.id)?.id ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** The steps whose completeness checks pass. */
function doneSteps(completeness: { code: string; ok: boolean }[]): Set<Step> {
  const ok = new Set(completeness.filter((c) => c.ok).map((c) => c.code));
  return new Set(STEPS.filter((s) => STEP_CHECK[s] !== undefined && ok.has(STEP_CHECK[s]!)));
}

/** A step's form as typed: rows in the order the parser numbers them, so each row error marks its row. */
function typedValues(step: ContentStep, raw: FormValues): FormValues {
  const one = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
  switch (step) {
    case 'summary':
      return { title: one('title'), summary: one('summary'), language: one('language') };
    case 'goals':
      return { goal: one('goal'), tasks: one('tasks') };
    case 'beneficiaries':
      return { description: one('description'), count: one('count') };
    case 'budget':
      return columnsOf(rowsOf(raw, ['item', 'kind', 'amount'], ['item', 'amount']).map((r) => ({ ...r, kind: r.kind || 'direct' })));
    default:
      return columnsOf(rowsOf(raw, ROW_COLUMNS[step]!.map((c) => c.name)));
  }
}

const blankRowsOf = (v: unknown, more = 0) => {
  const n = typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : BLANK_ROWS;
  return Math.min(MAX_BLANK_ROWS, Math.max(BLANK_ROWS, n + more));
};

const contentStepOf = (s: string): ContentStep => {
  if (!(STEPS as readonly string[]).includes(s) || s === 'attachments' || s === 'review') throw notFound();
  return s as ContentStep;
};

/** Applying online: choosing who applies, the steps of the form with autosave, attachments, submission, receipt and withdrawal. */
export const applyRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;
  const maxMb = Math.round((ctx.config.maxUploadBytes / 1048576) * 100) / 100;

  /** What the actor may do with the application now, by the policy, its status and the server clock. */
  function stateOf(actor: Actor, record: ApplicationRecord): ApplicationState {
    const now = ctx.clock.now();
    const canEdit = ctx.policy.can(actor, 'application.edit', applicationRef(record));
    const accepting = isAccepting(record.competition, now);
    const status = record.application.status;
    return {
      record,
      canEdit,
      accepting,
      deadlinePassed: now >= record.competition.deadlineAt,
      editable: canEdit && accepting && status === 'draft',
      withdrawable: canEdit && accepting && (status === 'draft' || status === 'submitted'),
    };
  }

  /** Loads an application the actor may read (its members and the competition's organiser), else 403. */
  async function readable(req: FastifyRequest, appId: string): Promise<ApplicationState> {
    const record = await loadApplication(ctx.db, appId);
    ctx.policy.authorize(req.actor, 'application.view', applicationRef(record));
    return stateOf(req.actor, record);
  }

  /** Who may change an application (its members) is decided before anything in the request is read. */
  async function writable(req: FastifyRequest, appId: string): Promise<ApplicationState> {
    const state = await readable(req, appId);
    ctx.policy.authorize(req.actor, 'application.edit', applicationRef(state.record));
    return state;
  }

  async function lotFor(req: FastifyRequest<{ Params: { id: string; lotId: string } }>): Promise<LotRecord> {
    const record = await loadLot(ctx.db, req.params.lotId);
    if (record.competition.id !== req.params.id) throw notFound();
    ctx.policy.authorize(req.actor, 'competition.view', record.competition);
    return record;
  }

  // ---- Who applies ------------------------------------------------------------------------

  async function startPage(req: FastifyRequest<{ Params: { id: string; lotId: string } }>, reply: FastifyReply, record: LotRecord, form: FormState, status = 200) {
    const choices = await applicantChoices(ctx.db, req.actor, record.lot.id, req.lang);
    const action = to(req, `/competitions/${record.competition.id}/lots/${record.lot.id}/apply`);
    const accepting = isAccepting(record.competition, ctx.clock.now());
    return reply.page(
      t(req, 'competitions.apply.start.title', { lot: localised(record.lot, req.lang) }),
      <ApplicationStartPage lot={record} choices={choices} form={form} accepting={accepting} action={action} />,
      status,
    );
  }

  app.get<{ Params: { id: string; lotId: string } }>('/competitions/:id/lots/:lotId/apply', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await lotFor(req);
    return startPage(req, reply, record, emptyForm({ language: req.lang === 'ru' ? 'ru' : 'kk' }));
  });

  app.post<{ Params: { id: string; lotId: string } }>('/competitions/:id/lots/:lotId/apply', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await lotFor(req);
    const parsed = parseForm(StartInput, body(req));
    if (!parsed.ok) return startPage(req, reply, record, parsed.form, 422);
    const result = await startApplication(ctx, req.actor, { lotId: record.lot.id, ...parsed.data });
    if (!result.ok) return startPage(req, reply, record, formError(body(req), 'organisationId', result.key), 422);
    if (result.existing) {
      return reply.flashNext({ kind: 'info', key: 'competitions.apply.start.already' }).redirect(to(req, applicationPath(result.applicationId)), 303);
    }
    return reply.flashNext({ kind: 'success', key: 'competitions.apply.start.done' }).redirect(to(req, stepPath(result.applicationId, 'summary')), 303);
  });

  // ---- The list and the overview ----------------------------------------------------------

  app.get('/applications', { preHandler: requireSignIn }, async (req, reply) =>
    reply.page(t(req, 'competitions.apply.list.title'), <ApplicationListPage rows={await applicationsOfMember(ctx.db, req.actor)} />),
  );

  async function overviewPage(req: FastifyRequest, reply: FastifyReply, state: ApplicationState, problems: Problem[] = [], status = 200) {
    const checks = await checkApplication(ctx.db, state.record, ctx.clock.now());
    const attachments = await applicationAttachmentsOf(ctx.db, state.record.application.id);
    return reply.page(
      t(req, 'competitions.apply.overview-title', { lot: localised(state.record.lot, req.lang) }),
      <ApplicationOverviewPage state={state} checks={checks} done={doneSteps(checks.completeness)} attachments={attachments} problems={problems} />,
      status,
    );
  }

  app.get<{ Params: { appId: string } }>('/applications/:appId', { preHandler: requireSignIn }, async (req, reply) =>
    overviewPage(req, reply, await readable(req, req.params.appId)),
  );

  // ---- Steps --------------------------------------------------------------------------------

  async function stepPage(req: FastifyRequest, reply: FastifyReply, props: Omit<StepPageProps, 'done'>, status = 200) {
    const checks = await checkApplication(ctx.db, props.state.record, ctx.clock.now());
    const title = t(req, 'competitions.apply.step-title', { n: STEPS.indexOf(props.step) + 1, total: STEPS.length, step: t(req, `competitions.apply.step.${props.step}`) });
    return reply.page(title, <ApplicationStepPage {...props} done={doneSteps(checks.completeness)} />, status);
  }

  async function attachmentsPage(req: FastifyRequest, reply: FastifyReply, state: ApplicationState, form: FormState, status = 200) {
    const checks = await checkApplication(ctx.db, state.record, ctx.clock.now());
    const attachments = await applicationAttachmentsOf(ctx.db, state.record.application.id);
    const title = t(req, 'competitions.apply.step-title', { n: STEPS.indexOf('attachments') + 1, total: STEPS.length, step: t(req, 'competitions.apply.step.attachments') });
    return reply.page(
      title,
      <ApplicationAttachmentsPage state={state} attachments={attachments} done={doneSteps(checks.completeness)} form={form} maxMb={maxMb} />,
      status,
    );
  }

  app.get<{ Params: { appId: string; step: string }; Querystring: { rows?: string } }>(
    '/applications/:appId/steps/:step',
    { preHandler: requireSignIn },
    async (req, reply) => {
      if (!(STEPS as readonly string[]).includes(req.params.step)) throw notFound();
      const state = await readable(req, req.params.appId);
      const { application: a } = state.record;
      if (req.params.step === 'attachments') return attachmentsPage(req, reply, state, emptyForm());
      if (req.params.step === 'review') {
        const checks = await checkApplication(ctx.db, state.record, ctx.clock.now());
        const attachments = await applicationAttachmentsOf(ctx.db, a.id);
        const title = t(req, 'competitions.apply.step-title', { n: STEPS.length, total: STEPS.length, step: t(req, 'competitions.apply.step.review') });
        return reply.page(title, <ApplicationReviewPage state={state} checks={checks} done={doneSteps(checks.completeness)} attachments={attachments} />);
      }
      const step = req.params.step as ContentStep;
      return stepPage(req, reply, {
        state,
        step,
        form: emptyForm(stepValues(step, a.content, a.language)),
        version: a.version,
        blankRows: blankRowsOf(req.query.rows),
        budgetLines: a.content.budget,
        mode: state.editable ? 'edit' : 'read',
      });
    },
  );

  app.post<{ Params: { appId: string; step: string } }>('/applications/:appId/steps/:step', { preHandler: requireSignIn }, async (req, reply) => {
    const step = contentStepOf(req.params.step);
    const state = await writable(req, req.params.appId);
    const raw = body(req);
    const version = Version.safeParse(raw.version);
    if (!version.success) throw new AppError('BAD_REQUEST');
    const intent = raw.intent === 'save' || raw.intent === 'add-rows' ? raw.intent : 'next';
    const blankRows = blankRowsOf(raw.rows, intent === 'add-rows' ? MORE_ROWS : 0);
    const refused = (errors: FormErrors, mode: StepPageProps['mode'] = state.editable ? 'edit' : 'refused') =>
      stepPage(
        req,
        reply,
        { state, step, form: { values: typedValues(step, raw), errors }, version: version.data, blankRows, budgetLines: state.record.application.content.budget, mode },
        422,
      );

    const parsed = parseStep(step, raw);
    if (!parsed.ok) return refused(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, { key }])));
    const language = step === 'summary' && (raw.language === 'kk' || raw.language === 'ru') ? raw.language : undefined;
    const saved = await saveApplication(ctx, req.actor, state.record.application.id, { step, part: parsed.data, version: version.data, language });
    if (!saved.ok) return refused({ _form: { key: saved.key } }, saved.key === 'competitions.error.stale' ? 'edit' : 'refused');

    if (step === 'budget') {
      // The lines are saved whatever their sum; a total over the lot or too much administration is shown at once, to be put right.
      const after = stateOf(req.actor, await loadApplication(ctx.db, state.record.application.id));
      const { application: a, lot, rule } = after.record;
      const check = checkBudget(a.content.budget, lot.budgetTiyn, rule.definition);
      const f = formatters(req.lang);
      const errors: FormErrors = {};
      for (const p of check.problems) {
        if (p.code === 'over-lot-budget') errors['_over-lot-budget'] = { key: 'competitions.apply.budget.over-lot-budget', params: { total: f.money(p.totalTiyn), budget: f.money(p.budgetTiyn) } };
        if (p.code === 'administrative-share') {
          errors['_administrative-share'] = { key: 'competitions.apply.budget.administrative-share', params: { percent: f.number(p.percent), max: f.number(p.maxPercent) } };
        }
      }
      if (Object.keys(errors).length > 0) {
        return stepPage(
          req,
          reply,
          { state: after, step, form: { values: stepValues(step, a.content, a.language), errors }, version: a.version, blankRows, budgetLines: a.content.budget, mode: 'edit' },
          422,
        );
      }
    }

    const id = state.record.application.id;
    const next = STEPS[STEPS.indexOf(step) + 1]!;
    const target = intent === 'next' ? stepPath(id, next) : intent === 'add-rows' ? `${stepPath(id, step)}?rows=${blankRows}` : stepPath(id, step);
    return reply.flashNext({ kind: 'success', key: 'competitions.apply.saved', params: { step: t(req, `competitions.apply.step.${step}`) } }).redirect(to(req, target), 303);
  });

  app.post<{ Params: { appId: string; step: string } }>('/applications/:appId/steps/:step/autosave', { preHandler: requireSignIn }, async (req, reply) => {
    const step = contentStepOf(req.params.step);
    const state = await writable(req, req.params.appId);
    const raw = body(req);
    const version = Version.safeParse(raw.version);
    if (!version.success) throw new AppError('BAD_REQUEST');
    const answer = (result: Parameters<typeof AutosaveResult>[0]['result'], status = 200) =>
      reply.fragment(<AutosaveResult state={state} step={step} result={result} />, status);

    const parsed = parseStep(step, raw);
    if (!parsed.ok) return answer({ ok: false, reason: t(req, 'competitions.apply.autosave.invalid') }, 422);
    const language = step === 'summary' && (raw.language === 'kk' || raw.language === 'ru') ? raw.language : undefined;
    const saved = await saveApplication(ctx, req.actor, state.record.application.id, { step, part: parsed.data, version: version.data, language });
    if (!saved.ok) return answer({ ok: false, reason: t(req, saved.key) }, saved.key === 'competitions.error.stale' ? 409 : 422);
    const { application: a, lot, rule } = await loadApplication(ctx.db, state.record.application.id);
    const check = step === 'budget' ? checkBudget(a.content.budget, lot.budgetTiyn, rule.definition) : null;
    const warning = check?.problems.some((p) => p.code !== 'empty') ? t(req, 'competitions.apply.autosave.budget-warning') : undefined;
    return answer({ ok: true, version: a.version, savedAt: saved.savedAt, lines: a.content.budget, warning });
  });

  // ---- Attachments --------------------------------------------------------------------------

  app.post<{ Params: { appId: string } }>('/applications/:appId/attachments', { preHandler: requireSignIn }, async (req, reply) => {
    const state = await writable(req, req.params.appId);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let file: { bytes: Buffer; name: string } | undefined;
    let documentCode = '';
    let tooLarge = false;
    try {
      // The upload's size is capped by the multipart limit (MAX_UPLOAD_MB) before anything is stored.
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file' && !file && bytes.length > 0) file = { bytes, name: safeFileName(part.filename) };
        } else if (part.fieldname === 'documentCode') {
          documentCode = String(part.value);
        }
      }
    } catch (err) {
      // Over a limit: said on the page. A body that is not the multipart it claims (busboy's errors carry no status) is a bad request, not a failure.
      const status = (err as { statusCode?: number }).statusCode;
      if (status !== 413) throw status && status < 500 ? err : new AppError('BAD_REQUEST');
      tooLarge = true;
    }
    const values = { documentCode };
    if (tooLarge) return attachmentsPage(req, reply, state, formError(values, 'file', 'errors.PAYLOAD_TOO_LARGE', { max: maxMb }), 413);
    if (!documentCode) return attachmentsPage(req, reply, state, formError(values, 'documentCode', 'competitions.error.document-kind'), 422);
    if (!file) return attachmentsPage(req, reply, state, formError(values, 'file', 'competitions.apply.attachments.no-file'), 422);
    try {
      const result = await attachDocument(ctx, req.actor, state.record.application.id, { documentCode, name: file.name, bytes: file.bytes });
      if (!result.ok) {
        const field = result.key === 'competitions.error.document-kind' ? 'documentCode' : '_form';
        return attachmentsPage(req, reply, stateOf(req.actor, await loadApplication(ctx.db, state.record.application.id)), formError(values, field, result.key), 422);
      }
    } catch (err) {
      // A file too large, of a type not accepted, or whose content is not what its name says: said on the page.
      if (!(err instanceof AppError) || !['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'].includes(err.code)) throw err;
      const key = err.code === 'BAD_REQUEST' ? 'competitions.apply.attachments.no-file' : `errors.${err.code}`;
      return attachmentsPage(req, reply, state, formError(values, 'file', key, err.code === 'PAYLOAD_TOO_LARGE' ? { max: maxMb } : undefined), err.status === 400 ? 422 : err.status);
    }
    return reply
      .flashNext({ kind: 'success', key: 'competitions.apply.attachments.uploaded', params: { name: file.name } })
      .redirect(to(req, stepPath(state.record.application.id, 'attachments')), 303);
  });

  app.post<{ Params: { appId: string; fileId: string } }>('/applications/:appId/attachments/:fileId/delete', { preHandler: requireSignIn }, async (req, reply) => {
    const state = await writable(req, req.params.appId);
    if (!isUuid(req.params.fileId)) throw notFound();
    // After the deadline nothing in an application changes, its files included.
    const result = state.accepting ? await removeAttachment(ctx, req.actor, state.record.application.id, req.params.fileId) : ({ ok: false, key: 'competitions.error.lot-closed' } as const);
    if (!result.ok) return attachmentsPage(req, reply, state, formError({}, '_form', result.key), 422);
    return reply.flashNext({ kind: 'success', key: 'competitions.apply.attachments.removed' }).redirect(to(req, stepPath(state.record.application.id, 'attachments')), 303);
  });

  app.get<{ Params: { appId: string; fileId: string } }>('/applications/:appId/attachments/:fileId', { preHandler: requireSignIn }, async (req, reply) => {
    if (!isUuid(req.params.fileId)) throw notFound();
    const record = await loadApplication(ctx.db, req.params.appId);
    // The applicant's members and the organiser read the files; so does an expert of the commission not recused from it.
    if (!ctx.policy.can(req.actor, 'application.view', applicationRef(record))) {
      const standing = await expertStanding(ctx.db, req.actor, record);
      if (!standing.onCommission || standing.recused) throw forbidden();
    }
    const [file] = await ctx.db
      .select({ name: files.name, size: files.size, mediaType: files.mediaType, sha256: files.sha256 })
      .from(applicationAttachments)
      .innerJoin(files, eq(files.id, applicationAttachments.fileId))
      .where(and(eq(applicationAttachments.applicationId, record.application.id), eq(applicationAttachments.fileId, req.params.fileId)));
    if (!file) throw notFound();
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(ctx.blobs.open(file.sha256));
  });

  // ---- Submission, receipt, withdrawal --------------------------------------------------------

  app.post<{ Params: { appId: string } }>('/applications/:appId/submit', { preHandler: requireSignIn }, async (req, reply) => {
    const result = await submitApplication(ctx, req.actor, req.params.appId);
    if (result.ok) {
      const key = result.already ? 'competitions.apply.receipt.already' : 'competitions.apply.receipt.done';
      return reply.flashNext({ kind: 'success', key }).redirect(to(req, applicationPath(req.params.appId, '/receipt')), 303);
    }
    const state = await readable(req, req.params.appId);
    const problems: Problem[] = result.failed
      ? result.failed.map((c) => {
          const step = STEPS.find((s) => STEP_CHECK[s] === c.code);
          return {
            key: 'competitions.apply.check.not-met',
            params: { check: t(req, `competitions.check.${c.code}`, c.params as Record<string, string | number> | undefined) },
            href: step && state.editable ? to(req, stepPath(state.record.application.id, step)) : undefined,
          };
        })
      : [{ key: result.key }];
    return overviewPage(req, reply, state, problems, 422);
  });

  app.get<{ Params: { appId: string } }>('/applications/:appId/receipt', { preHandler: requireSignIn }, async (req, reply) => {
    const state = await readable(req, req.params.appId);
    const a = state.record.application;
    if (!a.receiptNumber || !a.submittedAt || !a.contentSha256) return reply.redirect(to(req, applicationPath(a.id)), 303);
    return reply.page(t(req, 'competitions.apply.receipt.title', { number: a.receiptNumber }), <ApplicationReceiptPage state={state} />);
  });

  app.post<{ Params: { appId: string } }>('/applications/:appId/withdraw', { preHandler: requireSignIn }, async (req, reply) => {
    const result = await withdrawApplication(ctx, req.actor, req.params.appId);
    if (result.ok) return reply.flashNext({ kind: 'success', key: 'competitions.apply.withdrawn' }).redirect(to(req, applicationPath(req.params.appId)), 303);
    return overviewPage(req, reply, await readable(req, req.params.appId), [{ key: result.key }], 422);
  });
};
