import { describe, expect, it } from 'vitest';
import { deriveCertificateKey, signText, verifyText } from './certificate-key.ts';

describe('the certificate key', () => {
  it('is the same for the same secret, so every process and a restored backup sign alike', () => {
    const a = deriveCertificateKey('instance secret 1');
    const b = deriveCertificateKey('instance secret 1');
    expect(a.publicKeyPem).toBe(b.publicKeyPem);
    expect(a.keyId).toBe(b.keyId);
    expect(a.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    // Ed25519 signatures are deterministic: the same key gives the same signature.
    expect(signText(a, '{"code":"VH-0000-0000"}')).toBe(signText(b, '{"code":"VH-0000-0000"}'));
    expect(verifyText(b.publicKey, '{"code":"VH-0000-0000"}', signText(a, '{"code":"VH-0000-0000"}'))).toBe(true);
  });

  it('differs for another secret, whose signatures fail', () => {
    const ours = deriveCertificateKey('instance secret 1');
    const theirs = deriveCertificateKey('instance secret 2');
    expect(theirs.publicKeyPem).not.toBe(ours.publicKeyPem);
    expect(theirs.keyId).not.toBe(ours.keyId);
    expect(verifyText(ours.publicKey, 'text', signText(theirs, 'text'))).toBe(false);
  });

  it('fails an altered text and a malformed signature', () => {
    const key = deriveCertificateKey('instance secret 1');
    const signature = signText(key, '{"totalMinutes":390}');
    expect(verifyText(key.publicKey, '{"totalMinutes":3900}', signature)).toBe(false);
    expect(verifyText(key.publicKey, '{"totalMinutes":390}', 'not-a-signature')).toBe(false);
    expect(verifyText(key.publicKey, '{"totalMinutes":390}', '')).toBe(false);
  });
});
