import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../core/errors/app-error.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import { emptyForm, type FormState, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { certificateKey, PUBLIC_KEY_PATH } from './certificate-key.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { issueCertificate } from './issue-certificate.ts';
import { certificates } from './schema.ts';
import { certificateToken, findCertificate, normaliseCode, signedText, VERIFY_RATE_LIMIT, verifyCertificate } from './verify-certificate.ts';
import { VolunteerBookPage } from './views/certificate-book.tsx';
import { certificatePaths } from './views/certificate-parts.tsx';
import { CertificateCheckPage, CertificateVerdictPage } from './views/certificate-verify.tsx';
import { volunteerBook } from './volunteer-book.ts';

const IssueInput = z.object({ lang: z.enum(['kk', 'ru'], { error: 'volunteers.certificate.error.lang' }) });

/** A QR token is a few hundred bytes; anything much longer is not one. */
const TOKEN_MAX = 8192;

/**
 * The volunteer book and certificates: the volunteer's confirmed hours and certificates, issuing
 * one (Post/Redirect/Get), downloading its PDF (own only), and the public check by code, with
 * the signed data the QR code carries.
 */
export const certificateRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);

  async function bookPage(req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const userId = req.actor.userId!;
    const book = await volunteerBook(ctx.db, userId);
    const own = await ctx.db
      .select({ code: certificates.code, lang: certificates.lang, issuedAt: certificates.issuedAt, totalMinutes: certificates.totalMinutes })
      .from(certificates)
      .where(eq(certificates.volunteerId, userId))
      .orderBy(desc(certificates.issuedAt));
    return reply.page(t(req, 'volunteers.book.title'), <VolunteerBookPage book={book} certificates={own} form={form} />, status);
  }

  app.get('/volunteer/book', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer.profile');
    return bookPage(req, reply, emptyForm({ lang: req.lang === 'ru' ? 'ru' : 'kk' }));
  });

  app.post('/volunteer/certificates', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer.profile');
    const parsed = parseForm(IssueInput, req.body);
    if (!parsed.ok) return bookPage(req, reply, parsed.form, 422);
    const result = await issueCertificate(ctx, req.actor, { volunteerId: req.actor.userId!, lang: parsed.data.lang });
    if (!result.ok) return bookPage(req, reply, formError((req.body ?? {}) as FormValues, '_form', result.key), 422);
    return reply
      .flashNext({ kind: 'success', key: 'volunteers.certificate.issued', params: { code: result.code } })
      .redirect(`/${req.lang}${certificatePaths.book}#certificates`, 303);
  });

  app.get<{ Params: { code: string } }>('/volunteer/certificates/:code.pdf', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteer.profile');
    const code = normaliseCode(req.params.code);
    const record = code ? await findCertificate(ctx.db, code) : null;
    if (!record) throw notFound();
    if (record.volunteerId !== req.actor.userId) throw forbidden();
    const key = await certificateKey(ctx);
    const verification = verifyCertificate(key.publicKey, record);
    // A record that no longer matches its signature is not printed: the paper would not verify.
    if (!verification.valid) throw new AppError('CONFLICT');
    const pdf = await certificatePdf(ctx.messages, {
      payload: verification.payload,
      signature: record.signature,
      token: certificateToken(signedText(record.payload), record.signature),
      publicKeyUrl: `${ctx.config.publicUrl}${PUBLIC_KEY_PATH}`,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(`${t(req, 'volunteers.certificate.title')} ${record.code}.pdf`))
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.get<{ Querystring: { code?: unknown } }>(certificatePaths.check, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteering.view');
    const raw = typeof req.query.code === 'string' ? req.query.code.trim() : '';
    const title = t(req, 'volunteers.verify.title');
    if (raw === '') return reply.page(title, <CertificateCheckPage form={emptyForm()} />);
    const code = normaliseCode(raw);
    if (!code) return reply.page(title, <CertificateCheckPage form={formError({ code: raw }, 'code', 'volunteers.verify.error.code')} />, 422);
    return reply.redirect(`/${req.lang}${certificatePaths.verify(code)}`, 303);
  });

  app.get<{ Params: { code: string }; Querystring: { s?: unknown } }>('/certificates/:code', { config: { rateLimit: VERIFY_RATE_LIMIT } }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'volunteering.view');
    const code = normaliseCode(req.params.code);
    const given = req.query.s;
    // A code typed loosely (lower case, O for 0) gets the certificate's own address.
    if (code && code !== req.params.code) {
      const query = typeof given === 'string' ? `?s=${encodeURIComponent(given)}` : '';
      return reply.redirect(`/${req.lang}${certificatePaths.verify(code)}${query}`, 301);
    }
    const token = given === undefined ? undefined : typeof given === 'string' && given.length <= TOKEN_MAX ? given : '';
    const record = code ? await findCertificate(ctx.db, code) : null;
    const key = await certificateKey(ctx);
    const verification = verifyCertificate(key.publicKey, record, token);
    const shown = code ?? req.params.code.slice(0, 32);
    return reply.page(
      t(req, 'volunteers.verify.page-title', { code: shown }),
      <CertificateVerdictPage code={shown} verification={verification} withToken={token !== undefined} signature={record?.signature ?? null} publicKeyPem={key.publicKeyPem} />,
      verification.valid || verification.reason !== 'unknown' ? 200 : 404,
    );
  });
};
