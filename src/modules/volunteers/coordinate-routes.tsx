import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emptyForm, type FormState, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { checkIn, signupByCode } from './check-in.ts';
import { candidatesFor, hostDesk, hostsOf, organisationsToEnable, roster } from './coordinate-queries.ts';
import { confirmHours } from './confirm-hours.ts';
import { decideSignups } from './decide-signups.ts';
import { resolveDispute } from './dispute-hours.ts';
import { explain } from './eligibility.ts';
import { CoordinatorInput, EnableInput, GroupInput, OpportunityInput, ResolveInput } from './inputs.ts';
import { inviteVolunteer } from './invite-volunteer.ts';
import { addCoordinator, enableOrganisation, removeCoordinator, startGroup } from './manage-volunteer-organisation.ts';
import { closeOpportunity, parseShifts, publishOpportunity } from './publish-opportunity.ts';
import { hostRef, loadShift, loadSignup } from './records.ts';
import { CheckInPage } from './views/coordinate-check-in.tsx';
import { CoordinateHomePage, HostPage } from './views/coordinate-home.tsx';
import { OpportunityFormPage } from './views/coordinate-opportunity-form.tsx';
import { RosterPage } from './views/coordinate-roster.tsx';

type Params<P extends string> = { Params: Record<P, string> };
/** The ids a bulk form sent (one checkbox or many); anything that is not an id is dropped. */
const ids = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]).filter(isUuid);
/** Rate limits of the writes that mail people or create things. */
const writeLimit = { rateLimit: { max: 60, timeWindow: '1 hour' } };

/**
 * The coordinator's desk: volunteer organisations (a registered one enabled by its admin, or an
 * informal group), coordinators, opportunities with shifts, each shift's roster decided and its
 * hours confirmed in bulk, disputes, invitations, and the check-in the volunteer's QR opens.
 * Every route needs a signed-in user and is authorised by the volunteers policy.
 */
export const coordinateRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest) => (key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;

  const homePage = async (req: FastifyRequest, reply: FastifyReply, forms: { group?: FormState; enable?: FormState } = {}, status = 200) => {
    const [hosts, toEnable] = await Promise.all([hostsOf(ctx.db, req.actor), organisationsToEnable(ctx.db, req.actor)]);
    return reply.page(
      t(req)('volunteers.manage.title'),
      <CoordinateHomePage hosts={hosts} toEnable={toEnable} groupForm={forms.group ?? emptyForm()} enableForm={forms.enable ?? emptyForm()} />,
      status,
    );
  };

  app.get('/volunteering/manage', { preHandler: requireSignIn }, (req, reply) => homePage(req, reply));

  app.post('/volunteering/manage/groups', { preHandler: requireSignIn, config: writeLimit }, async (req, reply) => {
    const parsed = parseForm(GroupInput, (req.body ?? {}) as FormValues);
    if (!parsed.ok) return homePage(req, reply, { group: parsed.form }, 422);
    const { id } = await startGroup(ctx, req.actor, parsed.data);
    return reply.flashNext({ kind: 'success', key: 'volunteers.manage.group-started' }).redirect(to(req, `/volunteering/manage/${id}`), 303);
  });

  app.post('/volunteering/manage/organisations', { preHandler: requireSignIn }, async (req, reply) => {
    const parsed = parseForm(EnableInput, (req.body ?? {}) as FormValues);
    if (!parsed.ok) return homePage(req, reply, { enable: parsed.form }, 422);
    const { id } = await enableOrganisation(ctx, req.actor, parsed.data);
    return reply.flashNext({ kind: 'success', key: 'volunteers.manage.enabled' }).redirect(to(req, `/volunteering/manage/${id}`), 303);
  });

  const hostPage = async (req: FastifyRequest<Params<'hostId'>>, reply: FastifyReply, coordinatorForm: FormState = emptyForm(), status = 200) => {
    const host = await hostRef(ctx.db, req.params.hostId);
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', host);
    return reply.page(t(req)('volunteers.manage.host-title'), <HostPage desk={await hostDesk(ctx.db, host.id)} coordinatorForm={coordinatorForm} now={ctx.clock.now()} />, status);
  };

  app.get<Params<'hostId'>>('/volunteering/manage/:hostId', { preHandler: requireSignIn }, (req, reply) => hostPage(req, reply));

  app.post<Params<'hostId'>>('/volunteering/manage/:hostId/coordinators', { preHandler: requireSignIn, config: writeLimit }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', await hostRef(ctx.db, req.params.hostId));
    const parsed = parseForm(CoordinatorInput, (req.body ?? {}) as FormValues);
    if (!parsed.ok) return hostPage(req, reply, parsed.form, 422);
    const result = await addCoordinator(ctx, req.actor, req.params.hostId, parsed.data.email);
    if (!result.ok) return hostPage(req, reply, formError(req.body as FormValues, 'email', result.key!), 422);
    return reply.flashNext({ kind: 'success', key: 'volunteers.manage.coordinator-added' }).redirect(to(req, `/volunteering/manage/${req.params.hostId}`), 303);
  });

  app.post<Params<'hostId' | 'userId'>>('/volunteering/manage/:hostId/coordinators/:userId/remove', { preHandler: requireSignIn }, async (req, reply) => {
    const result = await removeCoordinator(ctx, req.actor, req.params.hostId, req.params.userId);
    return reply
      .flashNext(result.ok ? { kind: 'success', key: 'volunteers.manage.coordinator-removed' } : { kind: 'error', key: result.key! })
      .redirect(to(req, `/volunteering/manage/${req.params.hostId}`), 303);
  });

  const opportunityForm = async (req: FastifyRequest<Params<'hostId'>>, reply: FastifyReply, form: FormState, status = 200) => {
    const host = await hostRef(ctx.db, req.params.hostId);
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', host);
    const { host: named } = await hostDesk(ctx.db, host.id);
    return reply.page(t(req)('volunteers.manage.opportunity-new'), <OpportunityFormPage host={named} form={form} />, status);
  };

  app.get<Params<'hostId'>>('/volunteering/manage/:hostId/opportunities/new', { preHandler: requireSignIn }, async (req, reply) => {
    const host = await hostRef(ctx.db, req.params.hostId);
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', host);
    const { host: named } = await hostDesk(ctx.db, host.id);
    return opportunityForm(req, reply, emptyForm({ regionCode: named.regionCode, minAge: '18', risk: 'none' }));
  });

  app.post<Params<'hostId'>>('/volunteering/manage/:hostId/opportunities', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', await hostRef(ctx.db, req.params.hostId));
    const values = (req.body ?? {}) as FormValues;
    const parsed = parseForm(OpportunityInput, values);
    const shiftRows = parseShifts(values, ctx.clock.now());
    if (!parsed.ok || Object.keys(shiftRows.errors).length > 0) {
      const errors = { ...(parsed.ok ? {} : parsed.form.errors), ...shiftRows.errors };
      return opportunityForm(req, reply, { values, errors }, 422);
    }
    const { id } = await publishOpportunity(ctx, req.actor, req.params.hostId, parsed.data, shiftRows.shifts);
    return reply.flashNext({ kind: 'success', key: 'volunteers.manage.opportunity-published' }).redirect(to(req, `/volunteering/opportunities/${id}`), 303);
  });

  app.post<Params<'id'>>('/volunteering/manage/opportunities/:id/close', { preHandler: requireSignIn }, async (req, reply) => {
    await closeOpportunity(ctx, req.actor, req.params.id);
    return reply.flashNext({ kind: 'success', key: 'volunteers.manage.opportunity-closed' }).redirect(to(req, '/volunteering/manage'), 303);
  });

  app.get<Params<'shiftId'>>('/volunteering/manage/shifts/:shiftId', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await loadShift(ctx.db, req.params.shiftId);
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', record.host);
    const [people, candidates] = await Promise.all([roster(ctx.db, record.shift.id), candidatesFor(ctx.db, record)]);
    return reply.page(t(req)('volunteers.roster.title'), <RosterPage record={record} roster={people} candidates={candidates} now={ctx.clock.now()} />);
  });

  const rosterPath = (req: FastifyRequest<Params<'shiftId'>>) => to(req, `/volunteering/manage/shifts/${req.params.shiftId}`);

  app.post<Params<'shiftId'>>('/volunteering/manage/shifts/:shiftId/decide', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', (await loadShift(ctx.db, req.params.shiftId)).host);
    const body = (req.body ?? {}) as FormValues;
    const decision = body.decision === 'accept' || body.decision === 'decline' ? body.decision : null;
    if (!decision) throw new AppError('BAD_REQUEST');
    const { decided } = await decideSignups(ctx, req.actor, req.params.shiftId, ids(body.signup), decision);
    return reply.flashNext({ kind: decided ? 'success' : 'info', key: `volunteers.roster.${decision}-done`, params: { count: decided } }).redirect(rosterPath(req), 303);
  });

  app.post<Params<'shiftId'>>('/volunteering/manage/shifts/:shiftId/hours', { preHandler: requireSignIn }, async (req, reply) => {
    const body = (req.body ?? {}) as FormValues;
    // An empty box keeps the recorded hours (or the shift's length).
    const minutesOf = (raw: unknown) => (String(raw ?? '').trim() === '' ? null : Math.round(Number(String(raw).replace(',', '.')) * 60));
    const entries = ids(body.confirm).map((signupId) => ({ signupId, minutes: minutesOf(body[`hours.${signupId}`]) }));
    if (entries.some((e) => e.minutes !== null && (!Number.isFinite(e.minutes) || e.minutes < 0 || e.minutes > 24 * 60)))
      return reply.flashNext({ kind: 'error', key: 'volunteers.desk.error.hours' }).redirect(rosterPath(req), 303);
    const result = await confirmHours(ctx, req.actor, req.params.shiftId, entries);
    if (!result.ok) return reply.flashNext({ kind: 'error', key: result.key }).redirect(rosterPath(req), 303);
    return reply
      .flashNext({ kind: result.confirmed ? 'success' : 'info', key: 'volunteers.roster.hours-done', params: { count: result.confirmed } })
      .redirect(rosterPath(req), 303);
  });

  app.post<Params<'shiftId'>>('/volunteering/manage/shifts/:shiftId/invite', { preHandler: requireSignIn, config: writeLimit }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer-organisation.coordinate', (await loadShift(ctx.db, req.params.shiftId)).host);
    const volunteerId = String(((req.body ?? {}) as FormValues).volunteer ?? '');
    if (!isUuid(volunteerId)) throw new AppError('BAD_REQUEST');
    const result = await inviteVolunteer(ctx, req.actor, req.params.shiftId, volunteerId);
    const flash = result.ok
      ? ({ kind: 'success', key: 'volunteers.roster.invited' } as const)
      : ({ kind: 'error', key: 'volunteers.roster.invite-refused', params: { reason: explain(t(req), result.refusal) } } as const);
    return reply.flashNext(flash).redirect(rosterPath(req), 303);
  });

  app.post<Params<'id'>>('/volunteering/manage/signups/:id/resolve', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await loadSignup(ctx.db, req.params.id);
    ctx.policy.authorize(req.actor, 'signup.coordinate', record.ref);
    const parsed = parseForm(ResolveInput, (req.body ?? {}) as FormValues);
    const { shift } = record;
    const back = to(req, `/volunteering/manage/shifts/${shift.id}#disputes`);
    if (!parsed.ok) return reply.flashNext({ kind: 'error', key: Object.values(parsed.form.errors)[0]!.key }).redirect(back, 303);
    const result = await resolveDispute(ctx, req.actor, req.params.id, { minutes: Math.round(parsed.data.hours * 60), note: parsed.data.note });
    return reply.flashNext(result.ok ? { kind: 'success', key: 'volunteers.roster.resolved' } : { kind: 'error', key: result.key! }).redirect(back, 303);
  });


  /** A typed code, for a phone that cannot scan: the same page as the QR opens. */
  app.get('/volunteering/check-in', { preHandler: requireSignIn }, async (req, reply) => {
    const code = String((req.query as Record<string, unknown>).code ?? '')
      .trim()
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '');
    if (!code) throw new AppError('BAD_REQUEST');
    return reply.redirect(to(req, `/volunteering/check-in/${encodeURIComponent(code)}`), 303);
  });

  app.get<Params<'code'>>('/volunteering/check-in/:code', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await signupByCode(ctx.db, req.params.code);
    ctx.policy.authorize(req.actor, 'signup.coordinate', record.ref);
    const [person] = (await roster(ctx.db, record.shift.id)).filter((r) => r.id === record.signup.id);
    return reply.page(t(req)('volunteers.checkin.coordinator-title'), <CheckInPage record={record} person={person!} code={req.params.code} now={ctx.clock.now()} />);
  });

  app.post<Params<'code'>>('/volunteering/check-in/:code', { preHandler: requireSignIn }, async (req, reply) => {
    const result = await checkIn(ctx, req.actor, req.params.code);
    return reply
      .flashNext(result.ok ? { kind: 'success', key: 'volunteers.checkin.checked-in' } : { kind: 'error', key: result.key })
      .redirect(to(req, `/volunteering/check-in/${req.params.code}`), 303);
  });
};
