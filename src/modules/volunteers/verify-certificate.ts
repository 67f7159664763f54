import type { KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import canonicalize from 'canonicalize';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../core/db/client.ts';
import { verifyText } from './certificate-key.ts';
import { certificates } from './schema.ts';

const Minutes = z.number().int().nonnegative();

/** What a certificate says, exactly as it is signed (as canonical JSON, RFC 8785). */
export const CertificatePayload = z.object({
  v: z.literal(1),
  code: z.string(),
  volunteer: z.object({ name: z.string(), birthYear: z.number().int().nullable() }),
  issuedAt: z.string(),
  lang: z.enum(['kk', 'ru']),
  totalMinutes: Minutes,
  byOrganisation: z.array(z.object({ name: z.string(), informal: z.boolean(), minutes: Minutes })),
  byArea: z.array(z.object({ area: z.string(), name: z.string(), minutes: Minutes })),
  byYear: z.array(z.object({ year: z.number().int(), minutes: Minutes })),
  /** The public verification page. */
  url: z.string(),
  /** Which platform key signed it (see certificate-key.ts). */
  keyId: z.string(),
});
export type CertificatePayload = z.infer<typeof CertificatePayload>;

export const signedText = (payload: unknown): string => canonicalize(payload) ?? '';

/** Codes look like VH-7K3M-Q9TX: Crockford's base 32, which has no I, L, O or U to misread. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PATTERN = /^VH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A code as a person may type it (lower case, spaces, O for 0, I or L for 1), or null if it cannot be one. */
export function normaliseCode(input: string): string | null {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^VH/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const code = `VH-${plain.slice(0, 4)}-${plain.slice(4)}`;
  return CODE_PATTERN.test(code) ? code : null;
}

/**
 * The token a certificate's QR code carries: the signed text (deflated) and its signature, both
 * base64url, joined by a dot. With it, the verification page can tell whether the paper in hand
 * is the one the platform signed, and anyone with the public key can check it offline.
 */
export function certificateToken(text: string, signature: string): string {
  return `${deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64url')}.${signature}`;
}

export function readToken(token: string): { text: string; signature: string } | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(signature)) return null;
  try {
    return { text: inflateRawSync(Buffer.from(body, 'base64url'), { maxOutputLength: 64 * 1024 }).toString('utf8'), signature };
  } catch {
    return null;
  }
}

/** Checks per address: plenty for people and scanners, far too few to walk 2^40 codes. */
export const VERIFY_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

export type CertificateRecord = { code: string; volunteerId: string; payload: unknown; signature: string; issuedAt: Date };

export async function findCertificate(db: Executor, code: string): Promise<CertificateRecord | null> {
  const [row] = await db
    .select({ code: certificates.code, volunteerId: certificates.volunteerId, payload: certificates.payload, signature: certificates.signature, issuedAt: certificates.issuedAt })
    .from(certificates)
    .where(eq(certificates.code, code));
  return row ?? null;
}

/**
 * Why a certificate is not valid: no such code; the platform's record no longer matches its
 * signature; the QR's data is damaged; the QR's figures are not what the platform signed (forged
 * or altered); the QR is a genuine one of another certificate or an earlier state of this one.
 */
export type InvalidReason = 'unknown' | 'record-altered' | 'token-damaged' | 'token-forged' | 'token-other';

export type Verification =
  | { valid: true; payload: CertificatePayload }
  | { valid: false; reason: InvalidReason; /** What the record says, when it can be read at all. */ payload: CertificatePayload | null };

/** Checks a stored certificate against the platform's public key and, if given, the token from its QR code. */
export function verifyCertificate(publicKey: KeyObject, record: CertificateRecord | null, token?: string): Verification {
  if (!record) return { valid: false, reason: 'unknown', payload: null };
  const parsed = CertificatePayload.safeParse(record.payload);
  const payload = parsed.success ? parsed.data : null;
  const text = signedText(record.payload);
  if (!payload || payload.code !== record.code || !verifyText(publicKey, text, record.signature)) return { valid: false, reason: 'record-altered', payload };
  if (token !== undefined) {
    const presented = readToken(token);
    if (!presented) return { valid: false, reason: 'token-damaged', payload };
    if (!verifyText(publicKey, presented.text, presented.signature)) return { valid: false, reason: 'token-forged', payload };
    if (presented.text !== text) return { valid: false, reason: 'token-other', payload };
  }
  return { valid: true, payload };
}
