import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { emptyForm, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { changeMember } from './change-member.ts';
import { claimOrganisation } from './claim-organisation.ts';
import { decideClaim } from './decide-claim.ts';
import { OrganisationFields } from './inputs.ts';
import { membersOf } from './members-query.ts';
import { organisationName } from './queries.ts';
import { registerOrganisation } from './register-organisation.ts';
import { findOrganisationByBin } from './search.ts';
import { updateOrganisation } from './update-organisation.ts';
import { ClaimPage } from './views/claim-page.tsx';
import { MembersPage } from './views/members-page.tsx';
import { formValuesOf, OrganisationFormPage } from './views/organisation-form.tsx';

const ClaimInput = z.object({
  bin: OrganisationFields.shape.bin,
  message: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(300, 'form.error.too-long').optional()),
});
const RoleInput = z.object({ role: z.enum(['admin', 'staff', 'removed']) });
const DecisionInput = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(500).optional() });

/** Registering, claiming and keeping an organisation's profile and members: the register's self-service. */
export const selfServiceRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;

  async function organisationFor(req: FastifyRequest<{ Params: { bin: string } }>, action: string) {
    if (!/^\d{12}$/.test(req.params.bin)) throw notFound();
    const org = await findOrganisationByBin(ctx.db, req.params.bin);
    if (!org) throw notFound();
    ctx.policy.authorize(req.actor, action, org);
    return org;
  }

  app.get('/organisations/new', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.create');
    const form = emptyForm({ settlement: 'urban' });
    return reply.page(t(req, 'organisations.new.title'), <OrganisationFormPage mode="new" form={form} action={to(req, '/organisations/new')} />);
  });

  app.post('/organisations/new', { preHandler: requireSignIn }, async (req, reply) => {
    const title = t(req, 'organisations.new.title');
    const action = to(req, '/organisations/new');
    const parsed = parseForm(OrganisationFields, body(req));
    if (!parsed.ok) return reply.page(title, <OrganisationFormPage mode="new" form={parsed.form} action={action} />, 422);
    const result = await registerOrganisation(ctx, req.actor, parsed.data);
    if (!result.ok) return reply.page(title, <OrganisationFormPage mode="new" form={formError(body(req), result.field, result.key)} action={action} />, 422);
    return reply.flashNext({ kind: 'success', key: 'organisations.new.done' }).redirect(to(req, `/organisations/${result.bin}`), 303);
  });

  app.get('/organisations/claim', { preHandler: requireSignIn }, async (req, reply) =>
    reply.page(t(req, 'organisations.claim.title'), <ClaimPage form={emptyForm(req.query as FormValues)} />),
  );

  app.post('/organisations/claim', { preHandler: requireSignIn, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const title = t(req, 'organisations.claim.title');
    const parsed = parseForm(ClaimInput, body(req));
    if (!parsed.ok) return reply.page(title, <ClaimPage form={parsed.form} />, 422);
    const result = await claimOrganisation(ctx, req.actor, parsed.data);
    if (!result.ok) return reply.page(title, <ClaimPage form={formError(body(req), result.field, result.key)} />, 422);
    return reply.flashNext({ kind: 'success', key: 'organisations.claim.done' }).redirect(to(req, `/organisations/${parsed.data.bin}`), 303);
  });

  app.get<{ Params: { bin: string } }>('/organisations/:bin/edit', { preHandler: requireSignIn }, async (req, reply) => {
    const org = await organisationFor(req, 'organisation.edit');
    return reply.page(t(req, 'organisations.edit.title'), <OrganisationFormPage mode="edit" form={emptyForm(formValuesOf(org))} action={to(req, `/organisations/${org.bin}/edit`)} />);
  });

  app.post<{ Params: { bin: string } }>('/organisations/:bin/edit', { preHandler: requireSignIn }, async (req, reply) => {
    const org = await organisationFor(req, 'organisation.edit');
    const action = to(req, `/organisations/${org.bin}/edit`);
    const parsed = parseForm(OrganisationFields, { ...body(req), bin: org.bin });
    if (!parsed.ok) return reply.page(t(req, 'organisations.edit.title'), <OrganisationFormPage mode="edit" form={parsed.form} action={action} />, 422);
    const { changed } = await updateOrganisation(ctx, req.actor, org.bin, parsed.data);
    reply.flashNext({ kind: changed.length ? 'success' : 'info', key: changed.length ? 'organisations.edit.done' : 'organisations.edit.unchanged' });
    return reply.redirect(to(req, `/organisations/${org.bin}`), 303);
  });

  app.get<{ Params: { bin: string } }>('/organisations/:bin/members', { preHandler: requireSignIn }, async (req, reply) => {
    const org = await organisationFor(req, 'organisation.members.manage');
    const title = t(req, 'organisations.members.title', { organisation: organisationName(org, req.lang) });
    return reply.page(title, <MembersPage title={title} bin={org.bin} {...await membersOf(ctx, org.id)} />);
  });

  app.post<{ Params: { bin: string; userId: string } }>('/organisations/:bin/members/:userId', { preHandler: requireSignIn }, async (req, reply) => {
    const org = await organisationFor(req, 'organisation.members.manage');
    const parsed = RoleInput.safeParse(req.body);
    if (!parsed.success || !isUuid(req.params.userId)) throw new AppError('BAD_REQUEST');
    const result = await changeMember(ctx, req.actor, { organisationId: org.id, userId: req.params.userId, role: parsed.data.role });
    const flash = result.ok
      ? ({ kind: 'success', key: parsed.data.role === 'removed' ? 'organisations.members.removed' : 'organisations.members.changed' } as const)
      : ({ kind: 'error', key: result.key } as const);
    return reply.flashNext(flash).redirect(to(req, `/organisations/${org.bin}/members`), 303);
  });

  app.post<{ Params: { bin: string; claimId: string } }>('/organisations/:bin/members/claims/:claimId', { preHandler: requireSignIn }, async (req, reply) => {
    const org = await organisationFor(req, 'organisation.members.manage');
    const parsed = DecisionInput.safeParse(req.body);
    if (!parsed.success || !isUuid(req.params.claimId)) throw new AppError('BAD_REQUEST');
    const approve = parsed.data.decision === 'approve';
    await decideClaim(ctx, req.actor, req.params.claimId, { approve, reason: parsed.data.reason || undefined });
    return reply
      .flashNext({ kind: 'success', key: approve ? 'organisations.members.approved' : 'organisations.members.rejected' })
      .redirect(to(req, `/organisations/${org.bin}/members`), 303);
  });
};
