import { eq } from 'drizzle-orm';
import { h, type VNode } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/core/auth/actor.ts';
import { users } from '../../src/core/auth/schema.ts';
import { formatters } from '../../src/core/format/intl.ts';
import { LANGS } from '../../src/core/i18n/langs.ts';
import { renderFragment } from '../../src/core/views/render.tsx';
import { opportunityDetail } from '../../src/modules/volunteers/public-queries.ts';
import { campaigns, opportunities, type SignupStatus, signups, volunteerProfiles } from '../../src/modules/volunteers/schema.ts';
import { OpportunityPage } from '../../src/modules/volunteers/views/public-opportunity.tsx';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { makeOrganisation } from '../support/competitions.ts';
import { makeHost, makeOpportunity, makeVolunteer } from '../support/volunteers.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const INFORMAL_KK = 'Еріктілердің бейресми тобы (заңды тұлға емес)';

let t: TestApp;
let anonymous: TestClient;
let now: number;
/** Each opportunity's id, by the part it plays. */
const ids = {} as Record<'park' | 'online' | 'closed' | 'over' | 'campaignNear' | 'campaignFar', string>;
const shiftIds = {} as Record<'parkFull' | 'parkLater' | 'campaignPast', string>;
let registered: { hostId: string; bin: string };
let informalHostId: string;
let publicVolunteerId: string;
let privateVolunteerId: string;
let publicVolunteerEmail: string;

/** The day in Kazakhstan (UTC+5) of an instant `ms` from now. */
const almatyDay = (ms: number) => new Date(now + ms + 5 * HOUR).toISOString().slice(0, 10);

async function signUp(shiftId: string, status: SignupStatus, extra: { minutes?: number; hoursStatus?: 'recorded' | 'confirmed' } = {}, volunteerId?: string) {
  const id = volunteerId ?? (await makeVolunteer(t.ctx)).id;
  await t.ctx.db.insert(signups).values({ shiftId, volunteerId: id, status, queuedAt: new Date(), minutes: extra.minutes ?? null, hoursStatus: extra.hoursStatus ?? null });
  return id;
}

/** The opportunities a list page links to. */
const listed = (html: string) => new Set([...html.matchAll(/href="\/\w\w\/volunteering\/opportunities\/([0-9a-f-]{36})"/g)].map((m) => m[1]!));

/** The figures of the cartogram's table row of a region: open opportunities, volunteer organisations. */
function regionRow(html: string, code: string): number[] {
  const row = new RegExp(`<tr data-region="${code}"[^>]*>(.*?)</tr>`, 's').exec(html);
  if (!row) throw new Error(`no row for ${code}`);
  return [...row[1]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => Number(m[1]!.replace(/\D/g, '')));
}

/** The figures of a totals block (volunteers, events, hours) inside the section with this heading id. */
function totalsIn(html: string, headingId: string): string[] {
  const section = new RegExp(`aria-labelledby="${headingId}">(.*?)</section>`, 's').exec(html)?.[1] ?? '';
  return [...section.matchAll(/<span class="figure-value">([^<]*)<\/span>/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  t = await testApp();
  anonymous = new TestClient(t.app);
  now = t.ctx.clock.now().getTime();

  const organisation = await makeOrganisation(t.ctx, { name: 'Шырақ' });
  const hostA = await makeHost(t.ctx, { organisationId: organisation.id, regionCode: 'KZ-15' });
  registered = { hostId: hostA.host.id, bin: organisation.bin };
  const hostB = await makeHost(t.ctx, { regionCode: 'KZ-75' });
  informalHostId = hostB.host.id;
  // A volunteer organisation with nothing open: counted on the map, with no opportunity.
  await makeHost(t.ctx, { regionCode: 'KZ-47' });

  const [campaign] = await t.ctx.db
    .insert(campaigns)
    .values({
      slug: 'taza-test',
      titleKk: 'Таза Қазақстан (сынақ)',
      titleRu: 'Таза Казахстан (тест)',
      descriptionKk: 'Республикалық экологиялық акция.',
      descriptionRu: 'Республиканская экологическая акция.',
      regionCode: 'KZ',
      startsOn: '2026-01-01',
      reportedVolunteers: 90_000,
      reportedEvents: 15_000,
    })
    .returning();

  const park = await makeOpportunity(t.ctx, hostB.host.id, {
    shifts: [
      { inHours: 48, capacity: 2 },
      { inHours: 240, capacity: 5 },
    ],
  });
  ids.park = park.opportunity.id;
  shiftIds.parkFull = park.shifts[0]!.id;
  shiftIds.parkLater = park.shifts[1]!.id;
  ids.online = (await makeOpportunity(t.ctx, hostA.host.id, { regionCode: 'KZ-15', area: 'youth', online: true, skills: ['it'], shifts: [{ inHours: 72, capacity: 10 }] })).opportunity.id;
  ids.closed = (await makeOpportunity(t.ctx, hostA.host.id, { regionCode: 'KZ-15' })).opportunity.id;
  await t.ctx.db.update(opportunities).set({ closedAt: new Date(now - HOUR) }).where(eq(opportunities.id, ids.closed));
  ids.over = (await makeOpportunity(t.ctx, hostA.host.id, { regionCode: 'KZ-15', shifts: [{ inHours: -10, capacity: 5 }] })).opportunity.id;
  const near = await makeOpportunity(t.ctx, hostA.host.id, {
    regionCode: 'KZ-15',
    campaignId: campaign!.id,
    shifts: [
      { inHours: -30, capacity: 10 },
      { inHours: 30, capacity: 10 },
    ],
  });
  ids.campaignNear = near.opportunity.id;
  shiftIds.campaignPast = near.shifts[0]!.id;
  const far = await makeOpportunity(t.ctx, hostB.host.id, { regionCode: 'KZ-75', campaignId: campaign!.id, shifts: [{ inHours: 480, capacity: 10 }] });
  ids.campaignFar = far.opportunity.id;
  await t.ctx.db.update(opportunities).set({ titleKk: 'Онлайн сабақтар', titleRu: 'Онлайн-уроки' }).where(eq(opportunities.id, ids.online));

  // The park's first shift is full (one pending, one accepted) with two waiting; cancelled and declined sign-ups hold no place.
  await signUp(shiftIds.parkFull, 'pending');
  const accepted = await signUp(shiftIds.parkFull, 'accepted');
  await signUp(shiftIds.parkFull, 'waitlisted');
  await signUp(shiftIds.parkFull, 'waitlisted');
  await signUp(shiftIds.parkFull, 'cancelled');
  await signUp(shiftIds.parkFull, 'declined');
  await signUp(shiftIds.parkLater, 'accepted', {}, accepted);

  // The campaign: two volunteers accepted (one of them on both opportunities), 3 confirmed hours; recorded hours, pending and waiting sign-ups do not count.
  const both = await signUp(shiftIds.campaignPast, 'accepted', { minutes: 180, hoursStatus: 'confirmed' });
  await signUp(shiftIds.campaignPast, 'accepted', { minutes: 120, hoursStatus: 'recorded' });
  await signUp(far.shifts[0]!.id, 'accepted', {}, both);
  await signUp(far.shifts[0]!.id, 'pending');
  await signUp(far.shifts[0]!.id, 'waitlisted');

  const shown = await makeVolunteer(t.ctx, { publicProfile: true, birthDate: '1990-03-07', name: 'Айгерім Сейітова', skills: ['first-aid', 'it'] });
  await t.ctx.db.update(volunteerProfiles).set({ phone: '+7 701 555 44 33' }).where(eq(volunteerProfiles.userId, shown.id));
  await signUp(shiftIds.campaignPast, 'accepted', { minutes: 90, hoursStatus: 'confirmed' }, shown.id);
  publicVolunteerId = shown.id;
  const [user] = await t.ctx.db.select({ email: users.email }).from(users).where(eq(users.id, shown.id));
  publicVolunteerEmail = user!.email;
  privateVolunteerId = (await makeVolunteer(t.ctx, { publicProfile: false })).id;
});

afterAll(async () => {
  await t?.close();
});

describe('the list of opportunities', () => {
  it('lists the open opportunities only: not a closed one, nor one whose shifts are over', async () => {
    const res = await anonymous.get('/kk/volunteering');
    expect(res.statusCode).toBe(200);
    expect(listed(res.body)).toEqual(new Set([ids.park, ids.online, ids.campaignNear, ids.campaignFar]));
  });

  it.each([
    ['region=KZ-15', ['online', 'campaignNear']],
    ['area=youth', ['online']],
    ['online=true', ['online']],
    ['online=false', ['park', 'campaignNear', 'campaignFar']],
    ['skill=it', ['online']],
    ['region=KZ-75&online=false', ['park', 'campaignFar']],
  ] as const)('narrows the list by %s', async (query, expected) => {
    const res = await anonymous.get(`/kk/volunteering?${query}`);
    expect(res.statusCode).toBe(200);
    expect(listed(res.body)).toEqual(new Set(expected.map((k) => ids[k])));
  });

  it('narrows the list by the days of its shifts, in Kazakhstan time', async () => {
    const page = async (q: string) => listed((await anonymous.get(`/kk/volunteering?${q}`)).body);
    expect(await page(`from=${almatyDay(15 * DAY)}`)).toEqual(new Set([ids.campaignFar]));
    expect(await page(`from=${almatyDay(8 * DAY)}&to=${almatyDay(12 * DAY)}`)).toEqual(new Set([ids.park]));
    expect(await page(`to=${almatyDay(5 * DAY)}`)).toEqual(new Set([ids.park, ids.online, ids.campaignNear]));
  });

  it('answers 400 to a filter it does not know', async () => {
    for (const q of ['region=KZ-00', 'area=knitting', 'from=2026-13-45', 'to=tomorrow', 'online=maybe', 'skill=juggling', 'page=0', 'pageSize=1000']) {
      expect((await anonymous.get(`/kk/volunteering?${q}`)).statusCode, q).toBe(400);
    }
  });

  it('pages through the opportunities', async () => {
    const first = listed((await anonymous.get('/kk/volunteering?pageSize=3')).body);
    const second = await anonymous.get('/kk/volunteering?pageSize=3&page=2');
    expect(first.size).toBe(3);
    expect(listed(second.body).size).toBe(1);
    expect([...listed(second.body)].some((id) => first.has(id))).toBe(false);
    expect(second.body).toContain('href="/kk/volunteering?pageSize=3"');
  });

  it('marks an informal group as such, and not a registered organisation', async () => {
    const cards = (await anonymous.get('/kk/volunteering')).body.split('<li class="opportunity-card">').slice(1);
    const card = (id: string) => cards.find((c) => c.includes(`/opportunities/${id}"`))!;
    expect(card(ids.park)).toContain(INFORMAL_KK);
    expect(card(ids.online)).not.toContain(INFORMAL_KK);
    expect(card(ids.online)).toContain(t.ctx.messages.format('kk', 'volunteers.online'));
  });

  it('counts volunteer organisations and open opportunities by region in the cartogram’s table', async () => {
    const res = await anonymous.get('/kk/volunteering');
    expect(res.body).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="volunteer-map-title"/);
    expect(regionRow(res.body, 'KZ-15')).toEqual([2, 1]);
    expect(regionRow(res.body, 'KZ-75')).toEqual([2, 1]);
    expect(regionRow(res.body, 'KZ-47')).toEqual([0, 1]);
    expect(regionRow(res.body, 'KZ-10')).toEqual([0, 0]);
    expect(res.body).toMatch(/<a href="\/kk\/volunteering\?region=KZ-15">/);
  });
});

describe('an opportunity', () => {
  it('shows each shift’s places left and waiting list, with a sign-up form for those not started', async () => {
    const res = await anonymous.get(`/kk/volunteering/opportunities/${ids.park}`);
    expect(res.statusCode).toBe(200);
    const shift = (id: string) => new RegExp(`<li class="shift" id="shift-${id}">(.*?)</li>`, 's').exec(res.body)![1]!;
    expect(shift(shiftIds.parkFull)).toContain(t.ctx.messages.format('kk', 'volunteers.public.full'));
    expect(shift(shiftIds.parkFull)).toContain(t.ctx.messages.format('kk', 'volunteers.public.waiting', { count: 2 }));
    expect(shift(shiftIds.parkFull)).toContain(t.ctx.messages.format('kk', 'volunteers.public.sign-up.waitlist'));
    expect(shift(shiftIds.parkLater)).toContain(t.ctx.messages.format('kk', 'volunteers.public.places-left', { count: 4, capacity: 5 }));
    expect(shift(shiftIds.parkLater)).not.toContain(t.ctx.messages.format('kk', 'volunteers.public.waiting', { count: 0 }));
    for (const id of [shiftIds.parkFull, shiftIds.parkLater]) {
      expect(shift(id)).toMatch(new RegExp(`<form method="post" action="/kk/volunteering/shifts/${id}/sign-up"[^>]*><input type="hidden" name="_csrf" value="[^"]+"`));
    }
    expect(res.body).toContain(INFORMAL_KK);
  });

  it('offers no sign-up for a shift that has started, nor on a closed opportunity', async () => {
    const campaign = await anonymous.get(`/kk/volunteering/opportunities/${ids.campaignNear}`);
    expect(campaign.body).not.toContain(`/shifts/${shiftIds.campaignPast}/sign-up`);
    expect(campaign.body).toContain('/sign-up"');
    const closed = await anonymous.get(`/kk/volunteering/opportunities/${ids.closed}`);
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain(t.ctx.messages.format('kk', 'volunteers.public.closed'));
    expect(closed.body).not.toContain('/sign-up"');
  });

  it('shows a refusal beside its shift’s button, as an alert', async () => {
    const data = (await opportunityDetail(t.ctx.db, ids.park, new Date(now)))!;
    const html = renderFragment(
      {
        lang: 'kk',
        t: t.ctx.messages.translator('kk'),
        f: formatters('kk'),
        actor: ANONYMOUS,
        csrfToken: 'token',
        path: '/',
        flash: null,
        nav: [],
        can: () => true,
        href: (p) => `/kk${p}`,
      },
      h(OpportunityPage, { data, now: new Date(now), refusal: { shiftId: shiftIds.parkLater, message: 'Сіз 12 жастасыз.' } }) as VNode,
    );
    const later = new RegExp(`id="shift-${shiftIds.parkLater}">(.*?)</li>`, 's').exec(html)![1]!;
    expect(later).toMatch(/<p class="shift__refusal" role="alert" id="refusal-[^"]+">Сіз 12 жастасыз\.<\/p>/);
    expect(html.match(/role="alert"/g)).toHaveLength(1);
  });

  it('is not found when there is none', async () => {
    expect((await anonymous.get('/kk/volunteering/opportunities/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anonymous.get('/kk/volunteering/opportunities/not-an-id')).statusCode).toBe(404);
  });
});

describe('volunteer organisations and campaigns', () => {
  it('links a registered organisation to its register profile, and marks an informal group', async () => {
    const org = await anonymous.get(`/kk/volunteering/organisations/${registered.hostId}`);
    expect(org.statusCode).toBe(200);
    expect(org.body).toContain(`href="/kk/organisations/${registered.bin}"`);
    expect(org.body).not.toContain(INFORMAL_KK);
    expect(listed(org.body)).toEqual(new Set([ids.online, ids.closed, ids.over, ids.campaignNear]));
    const group = await anonymous.get(`/kk/volunteering/organisations/${informalHostId}`);
    expect(group.body).toContain(INFORMAL_KK);
    expect(group.body).not.toContain('href="/kk/organisations/');
    expect((await anonymous.get('/kk/volunteering/organisations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('counts a campaign’s live totals from accepted volunteers and confirmed hours, apart from the reported figures', async () => {
    const list = await anonymous.get('/kk/volunteering/campaigns');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/kk/volunteering/campaigns/taza-test"');
    expect(list.body).toMatch(/<dd>3<\/dd>\s*<dt>[^<]+<\/dt>\s*<dd>2<\/dd>\s*<dt>[^<]+<\/dt>\s*<dd>4,5<\/dd>/);
    const res = await anonymous.get('/kk/volunteering/campaigns/taza-test');
    expect(res.statusCode).toBe(200);
    // Three volunteers accepted (one on both opportunities), two events, 3 h + 1.5 h confirmed; the 2 recorded hours wait.
    expect(totalsIn(res.body, 'campaign-live-heading')).toEqual(['3', '2', '4,5']);
    const reported = /aria-labelledby="campaign-reported-heading">(.*?)<\/section>/s.exec(res.body)![1]!;
    expect(reported).toContain(formatters('kk').number(90_000));
    expect(reported).toContain(formatters('kk').number(15_000));
    expect(totalsIn(res.body, 'campaign-live-heading').join(' ')).not.toContain(formatters('kk').number(90_000));
    expect(listed(res.body)).toEqual(new Set([ids.campaignNear, ids.campaignFar]));
    expect((await anonymous.get('/kk/volunteering/campaigns/no-such-campaign')).statusCode).toBe(404);
  });
});

describe('a volunteer’s public profile', () => {
  it('is not found unless the volunteer opted in', async () => {
    expect((await anonymous.get(`/kk/volunteers/${privateVolunteerId}`)).statusCode).toBe(404);
    expect((await anonymous.get('/kk/volunteers/not-an-id')).statusCode).toBe(404);
  });

  it('shows the name, place, skills and confirmed hours, never the birth date or contacts', async () => {
    const res = await anonymous.get(`/kk/volunteers/${publicVolunteerId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Айгерім Сейітова');
    expect(res.body).toContain(t.ctx.messages.format('kk', 'volunteers.skill.first-aid'));
    expect(res.body).toContain(t.ctx.messages.format('kk', 'volunteers.public.hours', { hours: '1,5' }));
    for (const secret of ['1990', '07.03', publicVolunteerEmail, '701 555', '+7']) expect(res.body, secret).not.toContain(secret);
  });
});

describe('the opportunities API', () => {
  type Page = { items: { id: string; organisation: { informal: boolean }; placesLeft: number; nextShiftAt: string | null }[]; total: number; page: number; pageSize: number };
  const api = async (q = '') => {
    const res = await anonymous.get(`/api/v1/opportunities${q}`);
    return { status: res.statusCode, body: res.json() as Page };
  };

  it('lists open opportunities with the same filters as the page', async () => {
    const all = await api();
    expect(all.status).toBe(200);
    expect(new Set(all.body.items.map((i) => i.id))).toEqual(new Set([ids.park, ids.online, ids.campaignNear, ids.campaignFar]));
    const park = all.body.items.find((i) => i.id === ids.park)!;
    expect(park.organisation.informal).toBe(true);
    expect(park.placesLeft).toBe(4);
    expect((await api('?region=KZ-15&online=true')).body.items.map((i) => i.id)).toEqual([ids.online]);
    expect((await api('?area=youth')).body.items.map((i) => i.id)).toEqual([ids.online]);
    expect((await api(`?from=${almatyDay(15 * DAY)}`)).body.items.map((i) => i.id)).toEqual([ids.campaignFar]);
    expect((await api(`?to=${almatyDay(5 * DAY)}`)).body.total).toBe(3);
  });

  it('pages', async () => {
    const first = await api('?pageSize=2');
    const second = await api('?pageSize=2&page=2');
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items.map((i) => i.id).filter((id) => first.body.items.some((f) => f.id === id))).toEqual([]);
  });

  it('answers 400 to a bad parameter', async () => {
    for (const q of ['region=KZ-00', 'area=knitting', 'from=07.03.2026', 'online=yes', 'page=0', 'pageSize=101']) {
      const res = await anonymous.get(`/api/v1/opportunities?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: expect.any(String) } });
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await anonymous.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/opportunities']).toBeDefined();
  });
});

describe('the installable web app', () => {
  it('serves the manifest, linked from every page', async () => {
    const res = await anonymous.get('/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = res.json() as { name: string; short_name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ short_name: 'Ortaq', start_url: '/kk/volunteer', display: 'standalone', theme_color: '#08476a' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const png = await anonymous.get(icon.src);
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    }
    const page = await anonymous.get('/ru/volunteering');
    expect(page.body).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"\s*\/?>/);
  });

  it('declares its font in the one stylesheet, and serves every face it names', async () => {
    const css = (await anonymous.get('/static/app.css')).body;
    const faces = [...css.matchAll(/url\((\/static\/fonts\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(faces.length).toBeGreaterThanOrEqual(8);
    for (const face of faces) expect((await anonymous.get(face)).statusCode, face).toBe(200);
  });

  it('serves the service worker from the root, and registers it by a script file (no inline script)', async () => {
    const sw = await anonymous.get('/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/^text\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body).toContain("addEventListener('fetch'");
    // Installing fails as a whole if one file it keeps is missing: every one must be served.
    const shell = [...(/const SHELL = \[([^\]]*)\]/.exec(sw.body)?.[1] ?? '').matchAll(/'(\/[^']+)'/g)].map((m) => m[1]!);
    expect(shell).toContain('/static/app.css');
    for (const file of shell) expect((await anonymous.get(file)).statusCode, file).toBe(200);
    const register = await anonymous.get('/static/sw-register.js');
    expect(register.statusCode).toBe(200);
    expect(register.headers['content-type']).toMatch(/javascript/);
    const page = await anonymous.get('/kk/volunteering');
    expect(page.body).toContain('<script src="/static/sw-register.js" defer');
    expect(page.body.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });
});

describe('every public volunteering page', () => {
  it('renders in Kazakh, Russian and English with every message, titles on English pages marked as Russian', async () => {
    const pages = [
      '/volunteering',
      '/volunteering?region=KZ-15&online=true',
      `/volunteering/opportunities/${ids.park}`,
      `/volunteering/opportunities/${ids.closed}`,
      `/volunteering/organisations/${registered.hostId}`,
      `/volunteering/organisations/${informalHostId}`,
      '/volunteering/campaigns',
      '/volunteering/campaigns/taza-test',
      `/volunteers/${publicVolunteerId}`,
    ];
    for (const lang of LANGS) {
      for (const page of pages) {
        const res = await anonymous.get(`/${lang}${page}`);
        expect(res.statusCode, `${lang}${page}`).toBe(200);
        expect(res.body).toContain(`<html lang="${lang}"`);
      }
    }
    const en = await anonymous.get(`/en/volunteering/opportunities/${ids.online}`);
    expect(en.body).toContain('<h1 lang="ru">Онлайн-уроки</h1>');
  });
});
