import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles, users } from '../../src/core/auth/schema.ts';
import { AppError } from '../../src/core/errors/app-error.ts';
import { safeFileName } from '../../src/core/files/sniff.ts';
import { storeUpload } from '../../src/core/files/store-upload.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let ownerId: string;
beforeAll(async () => {
  t = await testApp({ MAX_UPLOAD_MB: '1' });
  const [owner] = await t.ctx.db.insert(users).values({ email: 'owner@example.kz', name: 'Owner', passwordHash: 'x' }).returning();
  ownerId = owner!.id;
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2216bc10000000049454e44ae426082', 'hex');

const upload = (bytes: Buffer, name: string, visibility: 'public' | 'private' = 'private') =>
  t.ctx.db.transaction((tx) => storeUpload({ tx, blobs: t.ctx.blobs, maxBytes: t.ctx.config.maxUploadBytes }, { bytes, name, uploadedBy: ownerId, visibility }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'accepted';
}

describe('uploads', () => {
  it('stores a file under its SHA-256 with the type read from its content', async () => {
    const file = await upload(PDF, 'Есеп 2026.pdf');
    expect(file.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(file.mediaType).toBe('application/pdf');
    expect(file.name).toBe('Есеп 2026.pdf');
    expect(await t.ctx.blobs.has(file.sha256)).toBe(true);
    const again = await upload(PDF, 'copy.pdf');
    expect(again.sha256).toBe(file.sha256);
  });

  it('refuses content that does not match its extension, unknown types and empty or oversize files', async () => {
    expect(await refusal(upload(PNG, 'scan.pdf'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await refusal(upload(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'setup.txt'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await refusal(upload(Buffer.from('<?php echo 1; ?>'), 'shell.php'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await refusal(upload(Buffer.alloc(0), 'empty.txt'))).toBe('BAD_REQUEST');
    expect(await refusal(upload(Buffer.alloc(1024 * 1024 + 1, 'a'), 'big.txt'))).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload(PNG, 'photo.PNG')).mediaType).toBe('image/png');
    expect((await upload(Buffer.from('БСН;Атауы\n940140000385;Шырақ\n'), 'orgs.csv')).mediaType).toBe('text/csv');
  });

  it('neutralises path traversal and control characters in file names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\windows\\system.ini')).toBe('system.ini');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('a\u0000b\u202e.pdf')).toBe('ab.pdf');
    expect(safeFileName('')).toBe('file');
  });
});

describe('downloads', () => {
  it('serves a public file to anyone, with a safe disposition', async () => {
    const file = await upload(PDF, 'Жылдық есеп.pdf', 'public');
    const res = await new TestClient(t.app).get(`/files/${file.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%D0%96%D1%8B%D0%BB");
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a private file to strangers and gives it to its uploader and admins', async () => {
    const file = await upload(PDF, 'private.pdf');
    expect((await new TestClient(t.app).get(`/files/${file.id}`)).statusCode).toBe(403);

    const { createSession, SESSION_COOKIE } = await import('../../src/core/auth/sessions.ts');
    const asUser = async (userId: string) => {
      const client = new TestClient(t.app);
      client.setCookie(SESSION_COOKIE, (await createSession(t.ctx.db, userId, {})).token);
      return client;
    };
    expect((await (await asUser(ownerId)).get(`/files/${file.id}`)).statusCode).toBe(200);

    const [other] = await t.ctx.db.insert(users).values({ email: 'other@example.kz', name: 'Other', passwordHash: 'x' }).returning();
    expect((await (await asUser(other!.id)).get(`/files/${file.id}`)).statusCode).toBe(403);
    await t.ctx.db.insert(userRoles).values({ userId: other!.id, role: 'admin' });
    expect((await (await asUser(other!.id)).get(`/files/${file.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for unknown or malformed ids', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/files/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await client.get('/files/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
  });
});
