import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { safeFileName } from '../../core/files/sniff.ts';
import { emptyForm, type FormState, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { cancelSignup, respondToInvitation } from './cancel-signup.ts';
import { disputeHours } from './dispute-hours.ts';
import { explain } from './eligibility.ts';
import { DisputeInput, ProfileInput } from './inputs.ts';
import { sendOpportunityPage } from './public-routes.tsx';
import { loadShift } from './records.ts';
import { recordConsent, saveProfile } from './save-profile.ts';
import { signUp } from './sign-up.ts';
import { DeskPage } from './views/work-desk.tsx';
import { ProfilePage, profileFormValues } from './views/work-profile.tsx';
import { CheckInCodePage, HoursPage } from './views/work-signup.tsx';
import { ownSignup, profileOf, recommendedFor, signupsOf } from './work-queries.ts';

type Params<P extends string> = { Params: Record<P, string> };

/**
 * The volunteer's desk: the profile (and a parent's consent for the under-14s), signing up for a
 * shift, answering invitations, cancelling, the check-in code, disputing hours. Every route needs
 * a signed-in user; sign-ups are the volunteer's own or not found.
 */
export const workRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const desk = (req: FastifyRequest) => `/${req.lang}/volunteer`;

  app.get('/volunteer', { preHandler: requireSignIn }, async (req, reply) => {
    const userId = req.actor.userId!;
    const profile = await profileOf(ctx.db, userId);
    const now = ctx.clock.now();
    const [mine, recommended] = await Promise.all([signupsOf(ctx.db, userId), profile ? recommendedFor(ctx.db, profile, now) : []]);
    return reply.page(ctx.messages.format(req.lang, 'volunteers.desk.title'), <DeskPage profile={profile} signups={mine} recommended={recommended} now={now} />);
  });

  const profilePage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, consentForm: FormState, status = 200) => {
    const profile = await profileOf(ctx.db, req.actor.userId!);
    return reply.page(ctx.messages.format(req.lang, 'volunteers.profile.title'), <ProfilePage profile={profile} form={form} consentForm={consentForm} today={ctx.clock.now()} />, status);
  };

  app.get('/volunteer/profile', { preHandler: requireSignIn }, async (req, reply) => {
    const profile = await profileOf(ctx.db, req.actor.userId!);
    return profilePage(req, reply, emptyForm(profile ? profileFormValues(profile) : { languages: [req.lang === 'en' ? 'en' : req.lang] }), emptyForm());
  });

  app.post('/volunteer/profile', { preHandler: requireSignIn }, async (req, reply) => {
    const parsed = parseForm(ProfileInput, (req.body ?? {}) as FormValues);
    if (!parsed.ok) return profilePage(req, reply, parsed.form, emptyForm(), 422);
    const saved = await saveProfile(ctx, req.actor, parsed.data);
    if (!saved.ok) return profilePage(req, reply, formError(req.body as FormValues, 'birthDate', saved.key), emptyForm(), 422);
    return reply.flashNext({ kind: 'success', key: 'volunteers.profile.saved' }).redirect(desk(req), 303);
  });

  app.post('/volunteer/profile/consent', { preHandler: requireSignIn, config: { rateLimit: { max: 20, timeWindow: '1 hour' } } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let file: { bytes: Buffer; name: string } | undefined;
    let parentName = '';
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file' && !file && bytes.length > 0) file = { bytes, name: safeFileName(part.filename) };
        } else if (part.fieldname === 'parentName') parentName = String(part.value).trim();
      }
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status !== 413) throw status && status < 500 ? err : new AppError('BAD_REQUEST');
      return profilePage(req, reply, emptyForm(), formError({ parentName }, 'file', 'errors.PAYLOAD_TOO_LARGE', { max: ctx.config.maxUploadBytes / 1048576 }), 413);
    }
    const values = { parentName };
    if (parentName.length < 3 || parentName.length > 200) return profilePage(req, reply, emptyForm(), formError(values, 'parentName', 'volunteers.consent.error.parent'), 422);
    if (!file) return profilePage(req, reply, emptyForm(), formError(values, 'file', 'volunteers.consent.error.file'), 422);
    try {
      const result = await recordConsent(ctx, req.actor, { parentName, file });
      if (!result.ok) return profilePage(req, reply, emptyForm(), formError(values, '_form', result.key!), 422);
    } catch (err) {
      if (!(err instanceof AppError) || !['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST'].includes(err.code)) throw err;
      return profilePage(req, reply, emptyForm(), formError(values, 'file', `errors.${err.code}`, err.params), err.status);
    }
    return reply.flashNext({ kind: 'success', key: 'volunteers.consent.recorded' }).redirect(`/${req.lang}/volunteer/profile`, 303);
  });

  app.post<Params<'id'>>('/volunteering/shifts/:id/sign-up', { preHandler: requireSignIn, config: { rateLimit: { max: 30, timeWindow: '1 hour' } } }, async (req, reply) => {
    const result = await signUp(ctx, req.actor, req.params.id);
    if (!result.ok) {
      // Said next to the shift's button, on the page the volunteer was on.
      const { opportunity } = await loadShift(ctx.db, req.params.id);
      const message = explain((key, params) => ctx.messages.format(req.lang, key, params), result.refusal);
      return sendOpportunityPage(ctx, req, reply, opportunity.id, { refusal: { shiftId: req.params.id, message }, status: 422 });
    }
    return reply.flashNext({ kind: 'success', key: `volunteers.signup.done.${result.status}` }).redirect(desk(req), 303);
  });

  app.post<Params<'id'>>('/volunteer/signups/:id/cancel', { preHandler: requireSignIn }, async (req, reply) => {
    const result = await cancelSignup(ctx, req.actor, req.params.id);
    return reply.flashNext(result.ok ? { kind: 'success', key: 'volunteers.signup.cancelled-done' } : { kind: 'error', key: result.key! }).redirect(desk(req), 303);
  });

  for (const answer of ['accept', 'decline'] as const)
    app.post<Params<'id'>>(`/volunteer/signups/:id/${answer}`, { preHandler: requireSignIn }, async (req, reply) => {
      const result = await respondToInvitation(ctx, req.actor, req.params.id, answer === 'accept');
      if (!result.ok) {
        const reason = explain((key, params) => ctx.messages.format(req.lang, key, params), result.refusal);
        return reply.flashNext({ kind: 'error', key: 'volunteers.signup.refused', params: { reason } }).redirect(desk(req), 303);
      }
      return reply.flashNext({ kind: 'success', key: `volunteers.signup.done.${result.status}` }).redirect(desk(req), 303);
    });

  /** The QR the coordinator scans at the place; a volunteer's own page, kept by the web app for offline use. */
  app.get<Params<'id'>>('/volunteer/signups/:id/check-in', { preHandler: requireSignIn }, async (req, reply) => {
    const signup = await ownSignup(ctx.db, req.actor.userId!, req.params.id);
    if (!signup) throw notFound();
    const url = signup.checkInCode ? `${ctx.config.publicUrl}/${req.lang}/volunteering/check-in/${signup.checkInCode}` : null;
    const qr = url ? await (await import('qrcode')).default.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 288 }) : null;
    return reply.page(ctx.messages.format(req.lang, 'volunteers.checkin.title'), <CheckInCodePage signup={signup} qr={qr} />);
  });

  const hoursPage = async (req: FastifyRequest<Params<'id'>>, reply: FastifyReply, form: FormState, status = 200) => {
    const signup = await ownSignup(ctx.db, req.actor.userId!, req.params.id);
    if (!signup) throw notFound();
    return reply.page(ctx.messages.format(req.lang, 'volunteers.hours.title'), <HoursPage signup={signup} form={form} />, status);
  };

  app.get<Params<'id'>>('/volunteer/signups/:id/hours', { preHandler: requireSignIn }, (req, reply) => hoursPage(req, reply, emptyForm()));

  app.post<Params<'id'>>('/volunteer/signups/:id/hours', { preHandler: requireSignIn }, async (req, reply) => {
    const parsed = parseForm(DisputeInput, (req.body ?? {}) as FormValues);
    if (!parsed.ok) return hoursPage(req, reply, parsed.form, 422);
    const result = await disputeHours(ctx, req.actor, req.params.id, { minutes: Math.round(parsed.data.hours * 60), reason: parsed.data.reason });
    if (!result.ok) return hoursPage(req, reply, formError(req.body as FormValues, '_form', result.key!), 422);
    return reply.flashNext({ kind: 'success', key: 'volunteers.hours.disputed-done' }).redirect(desk(req), 303);
  });
};
