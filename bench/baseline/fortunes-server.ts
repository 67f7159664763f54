import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

/**
 * The baseline every Ortaq route is measured against: TechEmpower's "Fortunes" on bare Fastify —
 * query the table, add a row, sort by message, escape, render. `DATABASE_URL` points at a
 * PostgreSQL server (through `pg`, a pool as large as Ortaq's); without it, an in-memory PGlite.
 */
const FORTUNES = [
  'fortune: No such file or directory',
  "A computer scientist is someone who fixes things that aren't broken.",
  'After enough decimal places, nobody gives a damn.',
  'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1',
  'A computer program does what you tell it to do, not what you want it to do.',
  'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen',
  'Any program that runs right is obsolete.',
  'A list is only as strong as its weakest link. — Donald Knuth',
  'Feature: A bug with seniority.',
  'Computers make very fast, very accurate mistakes.',
  '<script>alert("This should not be displayed in a browser alert box.");</script>',
  'フレームワークのベンチマーク',
];

type Query = (text: string) => Promise<{ rows: { id: number; message: string }[] }>;

async function openTable(): Promise<Query> {
  const setup = ['create table if not exists fortune (id integer primary key, message text not null)', 'delete from fortune'];
  const insert = `insert into fortune (id, message) values ${FORTUNES.map((m, i) => `(${i + 1}, '${m.replace(/'/g, "''")}')`).join(', ')}`;
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    for (const s of [...setup, insert]) await pool.query(s);
    return (text) => pool.query(text);
  }
  const db = await PGlite.create();
  for (const s of [...setup, insert]) await db.query(s);
  return (text) => db.query(text);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const query = await openTable();
const app = Fastify();
app.get('/fortunes', async (_req, reply) => {
  const { rows } = await query('select id, message from fortune');
  rows.push({ id: 0, message: 'Additional fortune added at request time.' });
  rows.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const body = rows.map((f) => `<tr><td>${f.id}</td><td>${escape(f.message)}</td></tr>`).join('');
  return reply
    .type('text/html; charset=utf-8')
    .send(`<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>${body}</table></body></html>`);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
