import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';
import { resolveSecretKey } from '../../core/http/secret.ts';
import type { AppContext } from '../../core/module.ts';

/**
 * The platform's Ed25519 key for volunteer certificates. It is derived from the instance secret
 * (HKDF-SHA256 → a 32-byte seed), so every app process and a restored backup sign with the same
 * key and there is nothing new to keep safe. Changing the info string (or the secret) makes a
 * different key: certificates signed before would no longer verify.
 */
const INFO = 'ortaq volunteer-certificates ed25519 v1';
const SALT = 'ortaq';
/** The fixed DER header of a PKCS#8 Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export type CertificateKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in a payload. */
  keyId: string;
};

export function deriveCertificateKey(secret: string): CertificateKey {
  const seed = Buffer.from(hkdfSync('sha256', secret, SALT, INFO, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}

/** The Ed25519 signature of the text (UTF-8), base64url. */
export function signText(key: CertificateKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url');
}

export function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return false;
  return verify(null, Buffer.from(text, 'utf8'), publicKey, bytes);
}

const keys = new WeakMap<AppContext, Promise<CertificateKey>>();

/** This instance's key: the same secret the cookies are signed with, resolved once per app. */
export function certificateKey(ctx: AppContext): Promise<CertificateKey> {
  let key = keys.get(ctx);
  if (!key) {
    key = resolveSecretKey(ctx.db, ctx.config.secretKey).then(deriveCertificateKey);
    key.catch(() => keys.delete(ctx));
    keys.set(ctx, key);
  }
  return key;
}

/** Where the public key is published, for anyone who wants to check a certificate offline. */
export const PUBLIC_KEY_PATH = '/.well-known/ortaq-certificate-key.pem';
