import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { safeFileName } from '../../core/files/sniff.ts';
import { formatters } from '../../core/format/intl.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import { emptyForm, type FormErrors, type FormState, type FormValues, formError } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';
import { type ApplicationRecord, loadApplication, localised } from '../competitions/index.ts';
import { amendAgreement } from './amend-agreement.ts';
import { attachReportFile, type FilePurpose, removeReportFile } from './attach-report-file.ts';
import { confirmAgreement } from './confirm-agreement.ts';
import { decideReport } from './decide-report.ts';
import { makeAgreement } from './make-agreement.ts';
import { isoDay, loadProject, loadReport, type PeriodRow, type ProjectRecord, type ReportRecord } from './records.ts';
import { saveReport } from './save-report.ts';
import { submitReport } from './submit-report.ts';
import { AgreementFormPage } from './views/work-agreement-form.tsx';
import { AgreementPage } from './views/work-agreement.tsx';
import { WorkHomePage } from './views/work-home.tsx';
import { workPath } from './views/work-parts.tsx';
import { ReportPage } from './views/work-report.tsx';
import { ReportFormPage } from './views/work-report-form.tsx';
import {
  ADVANCE,
  agreementErrors,
  amendFormValues,
  BLANK_PERIOD_ROWS,
  BLANK_TRANCHE_ROWS,
  keptValues,
  moreRows,
  parseAgreementForm,
  parseAmendForm,
  parseDecision,
  parseReportForm,
  periodRowCount,
  reportFormValues,
  str,
  tengeOf,
  trancheField,
  trancheRowCount,
} from './work-inputs.ts';
import {
  type AgreementDetail,
  agreementDetail,
  agreementIdOfApplication,
  agreementNumberTaken,
  memberDesk,
  memberOrganisationIds,
  organisedBodyIds,
  organiserDesk,
  periodOf,
  refOf,
  reportFile,
  type ReportSheet,
  reportSheet,
} from './work-queries.ts';

type Params<P extends string> = { Params: Record<P, string> };

/** Dates named in an error (`YYYY-MM-DD`) shown in the reader's language. */
function readableDates(errors: FormErrors, lang: Lang): FormErrors {
  const f = formatters(lang);
  for (const e of Object.values(errors)) {
    const date = e.params?.date;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) e.params = { ...e.params, date: f.date(new Date(`${date}T12:00:00Z`)) };
  }
  return errors;
}

/**
 * Agreements and reports on the web: the organiser makes the agreement with a lot's winner, both
 * sides confirm it, the organiser amends it with a reason; the organisation writes each period's
 * report with its files and submits it; the organiser accepts it (releasing its tranches) or
 * returns it with comments. Every route needs a signed-in user and is authorised by the projects
 * policy before anything in the request is read; the rest get 403.
 */
export const workRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;
  const maxMb = Math.round((ctx.config.maxUploadBytes / 1048576) * 100) / 100;

  // ---- What waits for the actor --------------------------------------------------------------

  app.get('/work/projects', { preHandler: requireSignIn }, async (req, reply) => {
    const bodies = organisedBodyIds(req.actor);
    const memberOrgs = memberOrganisationIds(req.actor);
    const organiser = bodies.length ? await organiserDesk(ctx.db, req.actor) : null;
    const member = memberOrgs.length ? await memberDesk(ctx.db, memberOrgs) : null;
    const adminOf = new Set(req.actor.memberships.filter((m) => m.role === 'admin').map((m) => m.organisationId));
    return reply.page(t(req, 'projects.work.home.title'), <WorkHomePage organiser={organiser} member={member} adminOf={adminOf} today={isoDay(ctx.clock.now())} />);
  });

  // ---- Making the agreement ------------------------------------------------------------------

  /** The winning application the organiser makes an agreement for; anything else is not found. */
  async function contractable(req: FastifyRequest<Params<'applicationId'>>): Promise<ApplicationRecord> {
    const record = await loadApplication(ctx.db, req.params.applicationId);
    ctx.policy.authorize(req.actor, 'agreement.make', refOf(record));
    const { competition, lot, application } = record;
    if (competition.stage !== 'published' || lot.outcome !== 'awarded' || lot.winnerApplicationId !== application.id) throw notFound();
    return record;
  }

  function agreementFormPage(req: FastifyRequest, reply: FastifyReply, record: ApplicationRecord, form: FormState, rows: { periods: number; tranches: number }, status = 200) {
    return reply.page(
      t(req, 'projects.work.agreement.new.title'),
      <AgreementFormPage record={record} form={form} periodRows={rows.periods} trancheRows={rows.tranches} />,
      status,
    );
  }

  app.get<Params<'applicationId'>>('/work/applications/:applicationId/agreement', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await contractable(req);
    const made = await agreementIdOfApplication(ctx.db, record.application.id);
    if (made) return reply.redirect(to(req, workPath.agreement(made)), 303);
    const values: FormValues = { signedOn: isoDay(ctx.clock.now()), amount: tengeOf(record.lot.awardTiyn ?? 0) };
    values[trancheField(0, 'period')] = ADVANCE;
    for (let i = 1; i < BLANK_TRANCHE_ROWS; i++) values[trancheField(i, 'period')] = String(Math.min(i, BLANK_PERIOD_ROWS));
    return agreementFormPage(req, reply, record, emptyForm(values), { periods: BLANK_PERIOD_ROWS, tranches: BLANK_TRANCHE_ROWS });
  });

  app.post<Params<'applicationId'>>('/work/applications/:applicationId/agreement', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await contractable(req);
    const raw = body(req);
    const values = keptValues(raw);
    const rows = { periods: periodRowCount(raw), tranches: trancheRowCount(raw) };
    // Without JavaScript, adding rows is a submit button: the form comes back with every value and more empty rows.
    if (raw.addPeriods) return agreementFormPage(req, reply, record, emptyForm(values), { ...rows, periods: moreRows(rows.periods) });
    if (raw.addTranches) return agreementFormPage(req, reply, record, emptyForm(values), { ...rows, tranches: moreRows(rows.tranches) });
    const parsed = parseAgreementForm(raw);
    if (!parsed.ok) return agreementFormPage(req, reply, record, { values, errors: parsed.errors }, rows, 422);
    if (await agreementNumberTaken(ctx.db, parsed.input.number)) {
      return agreementFormPage(req, reply, record, formError(values, 'number', 'projects.work.error.number-taken'), rows, 422);
    }
    const result = await makeAgreement(ctx, req.actor, record.application.id, parsed.input);
    if (!result.ok) return agreementFormPage(req, reply, record, { values, errors: readableDates(agreementErrors(result.problems), req.lang) }, rows, 422);
    return reply
      .flashNext({ kind: 'success', key: 'projects.work.agreement.made', params: { number: parsed.input.number } })
      .redirect(to(req, workPath.agreement(result.id)), 303);
  });

  // ---- The agreement: confirming and amending ------------------------------------------------

  /** An agreement, for the two sides only. */
  async function agreementFor(req: FastifyRequest<Params<'id'>>): Promise<AgreementDetail> {
    const detail = await agreementDetail(ctx.db, req.params.id);
    ctx.policy.authorize(req.actor, 'project.inside', detail.ref);
    return detail;
  }

  function agreementPage(req: FastifyRequest, reply: FastifyReply, detail: AgreementDetail, amendForm?: { form: FormState; rows: number }, status = 200) {
    const { agreement, ref } = detail;
    const binding = Boolean(agreement.organiserConfirmedAt && agreement.organisationConfirmedAt);
    const open = detail.projectStatus === 'active' || detail.projectStatus === 'suspended';
    const canAmend = binding && open && ctx.policy.can(req.actor, 'agreement.make', ref);
    const defaults = amendFormValues(detail);
    return reply.page(
      t(req, 'projects.work.agreement.title', { number: agreement.number }),
      <AgreementPage
        detail={detail}
        canConfirm={{
          organiser: !agreement.organiserConfirmedAt && ctx.policy.can(req.actor, 'agreement.confirm-as-organiser', ref),
          organisation: !agreement.organisationConfirmedAt && ctx.policy.can(req.actor, 'agreement.confirm-as-organisation', ref),
        }}
        canReport={ctx.policy.can(req.actor, 'report.edit', ref)}
        canDecide={ctx.policy.can(req.actor, 'report.decide', ref)}
        amend={amendForm ?? (canAmend ? { form: emptyForm(defaults.values), rows: defaults.rows } : null)}
      />,
      status,
    );
  }

  app.get<Params<'id'>>('/work/agreements/:id', { preHandler: requireSignIn }, async (req, reply) => agreementPage(req, reply, await agreementFor(req)));

  app.post<Params<'id'>>('/work/agreements/:id/confirm', { preHandler: requireSignIn }, async (req, reply) => {
    const detail = await agreementFor(req);
    // Only someone who may confirm for one side or the other gets further than this.
    if (!ctx.policy.can(req.actor, 'agreement.confirm-as-organiser', detail.ref) && !ctx.policy.can(req.actor, 'agreement.confirm-as-organisation', detail.ref)) {
      throw new AppError('FORBIDDEN');
    }
    const side = str(body(req).side);
    if (side !== 'organiser' && side !== 'organisation') throw new AppError('BAD_REQUEST');
    // Each side is authorised by its own rule: the organiser, or an admin of the organisation.
    const result = await confirmAgreement(ctx, req.actor, detail.agreement.id, side);
    const key = result.projectId && !detail.projectId ? 'projects.work.agreement.started' : 'projects.work.agreement.confirmed';
    return reply.flashNext({ kind: 'success', key }).redirect(to(req, workPath.agreement(detail.agreement.id)), 303);
  });

  app.post<Params<'id'>>('/work/agreements/:id/amend', { preHandler: requireSignIn }, async (req, reply) => {
    const detail = await agreementFor(req);
    ctx.policy.authorize(req.actor, 'agreement.amend', detail.ref);
    const raw = body(req);
    const values = keptValues(raw);
    const rows = trancheRowCount(raw);
    if (raw.addTranches) return agreementPage(req, reply, detail, { form: emptyForm(values), rows: moreRows(rows) });
    const parsed = parseAmendForm(raw, detail.agreement.periods.length);
    if (!parsed.ok) return agreementPage(req, reply, detail, { form: { values, errors: parsed.errors }, rows }, 422);
    const result = await amendAgreement(ctx, req.actor, detail.agreement.id, parsed.input);
    if (!result.ok) return agreementPage(req, reply, detail, { form: { values, errors: readableDates(agreementErrors(result.problems), req.lang) }, rows }, 422);
    return reply
      .flashNext({ kind: 'success', key: 'projects.work.amend.done', params: { number: result.number } })
      .redirect(to(req, `${workPath.agreement(detail.agreement.id)}#amendments`), 303);
  });

  // ---- Writing a report ----------------------------------------------------------------------

  /** A project's period, for the two sides; writing needs `report.edit` on top. */
  async function periodFor(req: FastifyRequest<Params<'id' | 'period'>>, action: 'project.inside' | 'report.edit'): Promise<{ record: ProjectRecord; period: PeriodRow }> {
    const record = await loadProject(ctx.db, req.params.id);
    ctx.policy.authorize(req.actor, action, record.ref);
    return { record, period: await periodOf(ctx.db, record.project.id, req.params.period) };
  }

  const sheetOf = (record: ProjectRecord, period: PeriodRow) => reportSheet(ctx.db, record.project, record.agreement, record.ref, period);

  function reportFormPage(req: FastifyRequest, reply: FastifyReply, sheet: ReportSheet, forms: { form?: FormState; fileForm?: FormState } = {}, status = 200) {
    const canEdit = ctx.policy.can(req.actor, 'report.edit', sheet.ref);
    const reportStatus = sheet.report?.status;
    const terminated = sheet.project.status === 'terminated';
    const locked = reportStatus === 'submitted' || reportStatus === 'accepted';
    const editable = canEdit && !locked && !terminated;
    const lockedKey = canEdit && !editable ? (terminated ? 'projects.error.terminated' : `projects.work.report.locked.${reportStatus}`) : null;
    return reply.page(
      t(req, 'projects.work.report.title', { period: sheet.period.number, project: localised(sheet.project, req.lang) }),
      <ReportFormPage
        sheet={sheet}
        editable={editable}
        canDecide={ctx.policy.can(req.actor, 'report.decide', sheet.ref)}
        form={forms.form ?? emptyForm(reportFormValues(sheet))}
        fileForm={forms.fileForm ?? emptyForm({ purpose: 'evidence' })}
        maxMb={maxMb}
        lockedKey={lockedKey}
      />,
      status,
    );
  }

  app.get<Params<'id' | 'period'>>('/work/projects/:id/reports/:period', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, period } = await periodFor(req, 'project.inside');
    return reportFormPage(req, reply, await sheetOf(record, period));
  });

  app.post<Params<'id' | 'period'>>('/work/projects/:id/reports/:period', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, period } = await periodFor(req, 'report.edit');
    const raw = body(req);
    const values = keptValues(raw);
    const submit = raw.intent === 'submit';
    const sheet = await sheetOf(record, period);
    const parsed = parseReportForm(raw, { indicatorIds: sheet.indicators.map((i) => i.id), budgetLineIds: sheet.budgetLines.map((l) => l.id) });
    if (!parsed.ok) return reportFormPage(req, reply, sheet, { form: { values, errors: parsed.errors } }, 422);
    const saved = await saveReport(ctx, req.actor, record.project.id, period.number, parsed.input);
    if (!saved.ok) return reportFormPage(req, reply, await sheetOf(record, period), { form: formError(values, '_form', saved.key) }, 422);
    if (submit) {
      const submitted = await submitReport(ctx, req.actor, saved.reportId);
      // The draft is saved either way; what stops submission is said on the form, with every value kept.
      if (!submitted.ok) return reportFormPage(req, reply, await sheetOf(record, period), { form: formError(values, '_form', submitted.key) }, 422);
    }
    return reply
      .flashNext({ kind: 'success', key: submit ? 'projects.work.report.submitted-done' : 'projects.work.report.saved' })
      .redirect(to(req, workPath.reportForm(record.project.id, period.number)), 303);
  });

  app.post<Params<'id' | 'period'>>('/work/projects/:id/reports/:period/files', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, period } = await periodFor(req, 'report.edit');
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let file: { bytes: Buffer; name: string } | undefined;
    let purpose = '';
    let tooLarge = false;
    try {
      // The upload's size is capped by the multipart limit (MAX_UPLOAD_MB) before anything is stored.
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file' && !file && bytes.length > 0) file = { bytes, name: safeFileName(part.filename) };
        } else if (part.fieldname === 'purpose') {
          purpose = String(part.value);
        }
      }
    } catch (err) {
      // Over a limit: said on the page. A body that is not the multipart it claims (busboy's errors carry no status) is a bad request, not a failure.
      const status = (err as { statusCode?: number }).statusCode;
      if (status !== 413) throw status && status < 500 ? err : new AppError('BAD_REQUEST');
      tooLarge = true;
    }
    const values = { purpose };
    const refuse = async (field: string, key: string, status: number, params?: Record<string, string | number>) =>
      reportFormPage(req, reply, await sheetOf(record, period), { fileForm: formError(values, field, key, params) }, status);
    if (tooLarge) return refuse('file', 'errors.PAYLOAD_TOO_LARGE', 413, { max: maxMb });
    if (purpose !== 'evidence' && purpose !== 'finance') return refuse('purpose', 'projects.work.files.error.purpose', 422);
    if (!file) return refuse('file', 'projects.work.files.error.no-file', 422);
    try {
      const result = await attachReportFile(ctx, req.actor, record.project.id, period.number, { purpose: purpose as FilePurpose, name: file.name, bytes: file.bytes });
      if (!result.ok) return refuse('_form', result.key, 422);
    } catch (err) {
      // A file too large, of a type not accepted, or whose content is not what its name says: said on the page.
      if (!(err instanceof AppError) || !['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'].includes(err.code)) throw err;
      const key = err.code === 'BAD_REQUEST' ? 'projects.work.files.error.no-file' : `errors.${err.code}`;
      return refuse('file', key, err.status === 400 ? 422 : err.status, err.code === 'PAYLOAD_TOO_LARGE' ? { max: maxMb } : undefined);
    }
    return reply
      .flashNext({ kind: 'success', key: 'projects.work.files.uploaded', params: { name: file.name } })
      .redirect(to(req, `${workPath.reportForm(record.project.id, period.number)}#files`), 303);
  });

  app.post<Params<'id' | 'period' | 'fileId'>>('/work/projects/:id/reports/:period/files/:fileId/delete', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, period } = await periodFor(req, 'report.edit');
    const result = await removeReportFile(ctx, req.actor, record.project.id, period.number, req.params.fileId);
    if (!result.ok) return reportFormPage(req, reply, await sheetOf(record, period), { fileForm: formError({}, '_form', result.key) }, 422);
    return reply
      .flashNext({ kind: 'success', key: 'projects.work.files.removed' })
      .redirect(to(req, `${workPath.reportForm(record.project.id, period.number)}#files`), 303);
  });

  // ---- Deciding on a report ------------------------------------------------------------------

  async function reportFor(req: FastifyRequest<Params<'reportId'>>, action: 'project.inside' | 'report.decide'): Promise<ReportRecord> {
    const record = await loadReport(ctx.db, req.params.reportId);
    ctx.policy.authorize(req.actor, action, record.ref);
    return record;
  }

  async function reportPage(req: FastifyRequest, reply: FastifyReply, record: ReportRecord, form: FormState = emptyForm(), status = 200) {
    const sheet = await sheetOf(record, record.period);
    const report = sheet.report ?? record.report;
    return reply.page(
      t(req, 'projects.work.report.title', { period: record.period.number, project: localised(record.project, req.lang) }),
      <ReportPage
        sheet={{ ...sheet, report }}
        canDecide={report.status === 'submitted' && ctx.policy.can(req.actor, 'report.decide', record.ref)}
        canEdit={ctx.policy.can(req.actor, 'report.edit', record.ref)}
        form={form}
      />,
      status,
    );
  }

  app.get<Params<'reportId'>>('/work/reports/:reportId', { preHandler: requireSignIn }, async (req, reply) => reportPage(req, reply, await reportFor(req, 'project.inside')));

  app.post<Params<'reportId'>>('/work/reports/:reportId/decision', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await reportFor(req, 'report.decide');
    const raw = body(req);
    const parsed = parseDecision(raw);
    if (!parsed.ok) return reportPage(req, reply, record, { values: keptValues(raw), errors: parsed.errors }, 422);
    const result = await decideReport(ctx, req.actor, record.report.id, parsed.accept ? { accept: true } : { accept: false, comments: parsed.comments });
    if (!result.ok) return reportPage(req, reply, await loadReport(ctx.db, record.report.id), formError(keptValues(raw), '_form', result.key), 422);
    const flash = !parsed.accept
      ? ({ kind: 'success', key: 'projects.work.decision.returned' } as const)
      : result.releasedTiyn > 0
        ? ({ kind: 'success', key: 'projects.work.decision.accepted', params: { amount: formatters(req.lang).money(result.releasedTiyn) } } as const)
        : ({ kind: 'success', key: 'projects.work.decision.accepted-nothing' } as const);
    return reply.flashNext(flash).redirect(to(req, workPath.report(record.report.id)), 303);
  });

  // ---- Files ---------------------------------------------------------------------------------

  app.get<Params<'reportId' | 'fileId'>>('/work/reports/:reportId/files/:fileId', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await reportFor(req, 'project.inside');
    const file = await reportFile(ctx.db, record.report.id, req.params.fileId);
    if (!file) throw notFound();
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(ctx.blobs.open(file.sha256));
  });
};
