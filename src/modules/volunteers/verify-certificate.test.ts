import { describe, expect, it } from 'vitest';
import { deriveCertificateKey, signText } from './certificate-key.ts';
import { newCertificateCode } from './issue-certificate.ts';
import { type CertificatePayload, CODE_PATTERN, certificateToken, normaliseCode, readToken, signedText, verifyCertificate } from './verify-certificate.ts';

const key = deriveCertificateKey('secret');
const payload: CertificatePayload = {
  v: 1,
  code: 'VH-7K3M-Q9TX',
  volunteer: { name: 'Әйгерім Сәтбаева', birthYear: 1995 },
  issuedAt: '2026-03-01T06:00:00.000Z',
  lang: 'kk',
  totalMinutes: 390,
  byOrganisation: [{ name: '«Шырақ»', informal: false, minutes: 390 }],
  byArea: [{ area: 'environment', name: 'Экология', minutes: 390 }],
  byYear: [{ year: 2025, minutes: 390 }],
  url: 'http://ortaq.test/kk/certificates/VH-7K3M-Q9TX',
  keyId: key.keyId,
};
const signature = signText(key, signedText(payload));
const record = { code: payload.code, volunteerId: 'x', payload, signature, issuedAt: new Date() };

describe('certificate codes', () => {
  it('are drawn from Crockford’s alphabet', () => {
    for (let i = 0; i < 200; i++) expect(newCertificateCode()).toMatch(CODE_PATTERN);
  });

  it('are read as people type them', () => {
    expect(normaliseCode('vh-7k3m-q9tx')).toBe('VH-7K3M-Q9TX');
    expect(normaliseCode(' 7K3M Q9TX ')).toBe('VH-7K3M-Q9TX');
    expect(normaliseCode('VH-OOIL-0000')).toBe('VH-0011-0000');
    expect(normaliseCode('VH-7K3M-Q9T')).toBeNull();
    expect(normaliseCode('VH-7K3M-Q9TU')).toBeNull();
    expect(normaliseCode('')).toBeNull();
  });
});

describe('verifyCertificate', () => {
  it('accepts the signed record, alone or with its own token', () => {
    expect(verifyCertificate(key.publicKey, record).valid).toBe(true);
    expect(verifyCertificate(key.publicKey, record, certificateToken(signedText(payload), signature)).valid).toBe(true);
    // Key order does not matter: what is signed is the canonical form (jsonb reorders keys).
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    expect(verifyCertificate(key.publicKey, { ...record, payload: reordered }).valid).toBe(true);
  });

  it('tells an unknown code, an altered record, and a record moved under another code', () => {
    expect(verifyCertificate(key.publicKey, null)).toMatchObject({ valid: false, reason: 'unknown' });
    expect(verifyCertificate(key.publicKey, { ...record, payload: { ...payload, totalMinutes: 3900 } })).toMatchObject({ valid: false, reason: 'record-altered' });
    expect(verifyCertificate(key.publicKey, { ...record, code: 'VH-0000-0000' })).toMatchObject({ valid: false, reason: 'record-altered' });
    expect(verifyCertificate(deriveCertificateKey('another').publicKey, record)).toMatchObject({ valid: false, reason: 'record-altered' });
  });

  it('tells a damaged, a forged and another certificate’s token', () => {
    const more = signedText({ ...payload, totalMinutes: 3900 });
    expect(verifyCertificate(key.publicKey, record, 'garbage')).toMatchObject({ valid: false, reason: 'token-damaged' });
    expect(verifyCertificate(key.publicKey, record, certificateToken(more, signature))).toMatchObject({ valid: false, reason: 'token-forged' });
    expect(verifyCertificate(key.publicKey, record, certificateToken(more, signText(deriveCertificateKey('forger'), more)))).toMatchObject({ valid: false, reason: 'token-forged' });
    const other = signedText({ ...payload, code: 'VH-0000-0000' });
    expect(verifyCertificate(key.publicKey, record, certificateToken(other, signText(key, other)))).toMatchObject({ valid: false, reason: 'token-other' });
  });

  it('reads back what a token carries', () => {
    const text = signedText(payload);
    expect(readToken(certificateToken(text, signature))).toEqual({ text, signature });
    expect(readToken('a.b.c')).toBeNull();
  });
});
