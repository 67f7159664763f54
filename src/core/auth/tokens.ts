import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an e-mailed link; only its hash is stored. */
export function newToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: tokenId(token) };
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
