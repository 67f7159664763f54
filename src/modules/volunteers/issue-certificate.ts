import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Actor, isSignedIn } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import { forbidden } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { certificateKey, signText } from './certificate-key.ts';
import { certificates, volunteerProfiles } from './schema.ts';
import { volunteerBook } from './volunteer-book.ts';
import { CODE_ALPHABET, type CertificatePayload, signedText } from './verify-certificate.ts';

export type CertificateLang = 'kk' | 'ru';

/** A fresh code, VH-XXXX-XXXX: 40 random bits (a byte's low five bits are uniform over the 32 letters). */
export function newCertificateCode(): string {
  const letters = [...randomBytes(8)].map((b) => CODE_ALPHABET[b & 31]).join('');
  return `VH-${letters.slice(0, 4)}-${letters.slice(4)}`;
}

export const verificationPath = (lang: CertificateLang, code: string) => `/${lang}/certificates/${code}`;

/**
 * The volunteer asks for a certificate of their confirmed hours in Kazakh or Russian. Its figures
 * are read, signed by the platform's key and stored together with the signature, in one
 * transaction with the audit entry. Refused while no hours are confirmed.
 */
export async function issueCertificate(
  ctx: AppContext,
  actor: Actor,
  input: { volunteerId: string; lang: CertificateLang },
): Promise<{ ok: true; code: string } | { ok: false; key: string }> {
  ctx.policy.authorize(actor, 'volunteer.profile');
  if (!isSignedIn(actor) || actor.userId !== input.volunteerId) throw forbidden();
  const key = await certificateKey(ctx);
  return ctx.db.transaction(async (tx) => {
    const book = await volunteerBook(tx, input.volunteerId);
    if (book.totalMinutes === 0) return { ok: false, key: 'volunteers.certificate.error.no-hours' };
    const [person] = await tx
      .select({ name: users.name, birthDate: volunteerProfiles.birthDate })
      .from(users)
      .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
      .where(eq(users.id, input.volunteerId));
    const { lang } = input;
    const issuedAt = ctx.clock.now();
    const area = (code: string) => ctx.messages.format(lang, `organisations.area.${code}`);
    // 2^40 codes make a clash unlikely, not impossible: on one, draw again (the code is part of what is signed).
    for (;;) {
      const code = newCertificateCode();
      const payload: CertificatePayload = {
        v: 1,
        code,
        volunteer: { name: person!.name, birthYear: person!.birthDate ? Number(person!.birthDate.slice(0, 4)) : null },
        issuedAt: issuedAt.toISOString(),
        lang,
        totalMinutes: book.totalMinutes,
        byOrganisation: book.byOrganisation.map((o) => ({ name: lang === 'ru' ? o.nameRu : o.nameKk, informal: o.informal, minutes: o.minutes })),
        byArea: book.byArea.map((a) => ({ area: a.area, name: area(a.area), minutes: a.minutes })),
        byYear: book.byYear,
        url: `${ctx.config.publicUrl}${verificationPath(lang, code)}`,
        keyId: key.keyId,
      };
      const signature = signText(key, signedText(payload));
      const [row] = await tx
        .insert(certificates)
        .values({ code, volunteerId: input.volunteerId, lang, payload, signature, totalMinutes: book.totalMinutes, issuedAt })
        .onConflictDoNothing({ target: certificates.code })
        .returning({ id: certificates.id });
      if (!row) continue;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'volunteer-certificate.issue',
        entityType: 'volunteer-certificate',
        entityId: row.id,
        changes: { code, lang, totalMinutes: book.totalMinutes, keyId: key.keyId },
      });
      return { ok: true, code };
    }
  });
}
