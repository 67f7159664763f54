import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { certificateKey, PUBLIC_KEY_PATH } from './certificate-key.ts';
import { findCertificate, normaliseCode, signedText, VERIFY_RATE_LIMIT, verifyCertificate } from './verify-certificate.ts';

const Minutes = z.number().int().describe('Confirmed minutes');

const Certificate = z.object({
  code: z.string().describe('The certificate’s code, e.g. VH-7K3M-Q9TX'),
  valid: z.boolean().describe('Whether the stored certificate matches the platform’s Ed25519 signature'),
  reason: z.enum(['record-altered']).nullable().describe('Why it is not valid; null when it is'),
  volunteerName: z.string().nullable().describe('Whom it was issued to; null when the record cannot be read'),
  birthYear: z.number().int().nullable(),
  issuedAt: z.string().nullable().describe('ISO 8601 instant in UTC'),
  lang: z.enum(['kk', 'ru']).nullable().describe('The language it was issued in (names below are in it)'),
  totalMinutes: Minutes.nullable(),
  totalHours: z.number().nullable().describe('totalMinutes / 60, rounded to two decimals'),
  byOrganisation: z.array(z.object({ name: z.string(), informal: z.boolean().describe('An informal group of volunteers, not a legal entity'), minutes: Minutes })),
  byArea: z.array(z.object({ area: z.string().describe('Area code of the organisations register'), name: z.string(), minutes: Minutes })),
  byYear: z.array(z.object({ year: z.number().int().describe('Year of the shifts’ start, Asia/Almaty'), minutes: Minutes })),
  url: z.string().describe('The public verification page'),
  signedPayload: z.string().describe('Exactly what was signed: canonical JSON (RFC 8785), UTF-8'),
  signature: z.string().describe('Ed25519 signature of signedPayload, base64url'),
  publicKeyUrl: z.string().describe('The platform’s public key (SPKI PEM), to verify offline'),
});

/** A certificate's public check (valid or not, for whom, the totals), and the public key itself. */
export const certificateApi: FastifyPluginAsync<{ ctx: AppContext }> = async (root, { ctx }) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const publicKeyUrl = `${ctx.config.publicUrl}${PUBLIC_KEY_PATH}`;

  app.get(
    '/api/v1/certificates/:code',
    {
      config: { rateLimit: VERIFY_RATE_LIMIT },
      schema: {
        summary: 'Check a volunteer certificate by its code',
        description:
          'Says whether the certificate with this code was issued by the platform and still matches its Ed25519 signature, whom it was issued to and the confirmed hours it states. 404 when no certificate has the code.',
        tags: ['volunteers'],
        params: z.object({ code: z.string().max(32).describe('The code printed on the certificate; case and dashes do not matter') }),
        response: { 200: Certificate },
      },
    },
    async (req) => {
      ctx.policy.authorize(req.actor, 'volunteering.view');
      const code = normaliseCode(req.params.code);
      const record = code ? await findCertificate(ctx.db, code) : null;
      if (!record) throw notFound();
      const key = await certificateKey(ctx);
      const v = verifyCertificate(key.publicKey, record);
      const p = v.payload;
      return {
        code: record.code,
        valid: v.valid,
        reason: v.valid ? null : ('record-altered' as const),
        volunteerName: p?.volunteer.name ?? null,
        birthYear: p?.volunteer.birthYear ?? null,
        issuedAt: p?.issuedAt ?? null,
        lang: p?.lang ?? null,
        totalMinutes: p?.totalMinutes ?? null,
        totalHours: p ? Math.round((p.totalMinutes / 60) * 100) / 100 : null,
        byOrganisation: p?.byOrganisation ?? [],
        byArea: p?.byArea ?? [],
        byYear: p?.byYear ?? [],
        url: p?.url ?? `${ctx.config.publicUrl}/kk/certificates/${record.code}`,
        signedPayload: signedText(record.payload),
        signature: record.signature,
        publicKeyUrl,
      };
    },
  );

  app.get(PUBLIC_KEY_PATH, { schema: { hide: true } }, async (_req, reply) => {
    const key = await certificateKey(ctx);
    return reply.type('application/x-pem-file').header('cache-control', 'public, max-age=86400').send(key.publicKeyPem);
  });
};
