import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { users } from '../../src/core/auth/schema.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { storeUpload } from '../../src/core/files/store-upload.ts';
import { enqueueMail } from '../../src/core/mail/outbox.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { attachDocument } from '../../src/modules/competitions/attach-document.ts';
import { declareConflict } from '../../src/modules/competitions/declare-conflict.ts';
import { decideAdmission } from '../../src/modules/competitions/decide-admission.ts';
import { nameCommission } from '../../src/modules/competitions/name-commission.ts';
import { applicationAttachments, applications as applicationsTable, competitions as competitionsTable, lots as lotsTable } from '../../src/modules/competitions/schema.ts';
import { attachReportFile } from '../../src/modules/projects/attach-report-file.ts';
import { confirmAgreement } from '../../src/modules/projects/confirm-agreement.ts';
import { leaveFeedback } from '../../src/modules/projects/feedback.ts';
import { makeAgreement } from '../../src/modules/projects/make-agreement.ts';
import { saveReport } from '../../src/modules/projects/save-report.ts';
import { projectIndicators, reportFiles } from '../../src/modules/projects/schema.ts';
import { submitReport } from '../../src/modules/projects/submit-report.ts';
import { ANONYMOUS } from '../../src/core/auth/actor.ts';
import { sampleTerms } from '../support/projects.ts';
import { startApplication } from '../../src/modules/competitions/start-application.ts';
import { startEvaluation } from '../../src/modules/competitions/start-evaluation.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { associationMembers, ngoDatabaseReports, organisationClaims, organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { decideSignups } from '../../src/modules/volunteers/decide-signups.ts';
import { issueCertificate } from '../../src/modules/volunteers/issue-certificate.ts';
import { enableOrganisation } from '../../src/modules/volunteers/manage-volunteer-organisation.ts';
import { saveProfile } from '../../src/modules/volunteers/save-profile.ts';
import { campaigns as volunteerCampaigns, signups as volunteerSignups } from '../../src/modules/volunteers/schema.ts';
import { signUp } from '../../src/modules/volunteers/sign-up.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';
import { makeHost, makeOpportunity, makeVolunteer } from '../support/volunteers.ts';
import { actorOf, completeApplication, makeApplicant, makeCompetition, makeOrganisation, makeUser, sampleLot } from '../support/competitions.ts';

/**
 * Who may reach what, for every route the app has, as the route table itself says: each route is
 * collected from Fastify as it is added, and each must have a row here. A new route without a
 * row fails the test, and so does a row whose route is gone.
 *
 * The actors are everyone the platform knows today. Organisation A is the Aktobe NGO
 * association (ngo-admin@ortaq.kz is its admin; staffA is a staff member made here); B is
 * «Көксу Жастары», whose admin adminB is made here. The organiser is, in the demo data, also the
 * admin of the grant operator, another organisation, and organises the competitions made here.
 * The expert sits on the commission of the competition in evaluation and declared no conflict on
 * A's application; expertConflict sits there too and declared a conflict on it. organiserOther
 * is an organiser of another state body.
 */
const ACTORS = ['anonymous', 'volunteer', 'staffA', 'adminA', 'adminB', 'expert', 'expertConflict', 'organiser', 'organiserOther', 'consultant', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

/**
 * - `public`: anyone, signed in or not, gets the route (not 401, 403 or 404, no redirect to log in).
 * - `allow`: this actor gets it. For a POST the body is empty, so a 400 or 422 answer counts as let in.
 * - `deny`: 403.
 * - `hidden`: 404, where the route hides that the thing exists.
 * - `login`: 303 to /:lang/login, for pages that need a signed-in user.
 */
type Answer = 'public' | 'allow' | 'deny' | 'hidden' | 'login';

/** One answer per actor, in the order of ACTORS. */
function per(...answers: Answer[]): Record<Actor, Answer> {
  if (answers.length !== ACTORS.length) throw new Error(`per() needs ${ACTORS.length} answers, got ${answers.length}`);
  return Object.fromEntries(ACTORS.map((a, i) => [a, answers[i]!])) as Record<Actor, Answer>;
}

//                           anonymous volunteer staffA  adminA   adminB   expert  expertConflict organiser organiserOther consultant admin
const PUBLIC = per(          'public', 'public', 'public', 'public', 'public', 'public', 'public', 'public', 'public', 'public', 'public');
const SIGNED_IN = per(       'login',  'allow',  'allow',  'allow',  'allow',  'allow',  'allow',  'allow',  'allow',  'allow',  'allow');
const ORG_A_ADMINS = per(    'login',  'deny',   'deny',   'allow',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'allow');
const PLATFORM_ADMIN = per(  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'allow');
const UPLOADER_A_ADMIN = per('deny',   'deny',   'deny',   'allow',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'allow');
// Competitions.
const ORG_A_MEMBERS = per(   'login',  'deny',   'allow',  'allow',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny');
const A_AND_ORGANISER = per( 'login',  'deny',   'allow',  'allow',  'deny',   'deny',   'deny',   'allow',  'deny',   'deny',   'deny');
const A_ORGANISER_EXPERT = per('login', 'deny',  'allow',  'allow',  'deny',   'allow',  'deny',   'allow',  'deny',   'deny',   'deny');
const ORGANISERS = per(      'login',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'allow',  'allow',  'deny',   'deny');
const THIS_ORGANISER = per(  'login',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'allow',  'deny',   'deny',   'deny');
const EXPERTS = per(         'login',  'deny',   'deny',   'deny',   'deny',   'allow',  'allow',  'deny',   'deny',   'deny',   'deny');
const UNCONFLICTED_EXPERT = per('login', 'deny', 'deny',   'deny',   'deny',   'allow',  'deny',   'deny',   'deny',   'deny',   'deny');
// Projects: A's project, paid for by a competition of the demo organiser's body.
const A_ADMIN_AND_ORGANISER = per('login', 'deny', 'deny',  'allow',  'deny',   'deny',   'deny',   'allow',  'deny',   'deny',   'deny');
/** Evidence of a report not yet accepted: the two sides see it, for everyone else it does not exist yet. */
const A_AND_ORGANISER_HIDDEN = per('hidden', 'hidden', 'allow', 'allow', 'hidden', 'hidden', 'hidden', 'allow', 'hidden', 'hidden', 'hidden');
const ORGANISERS_AND_ADMIN = per('login', 'deny',  'deny',   'deny',   'deny',   'deny',   'deny',   'allow',  'allow',  'deny',   'allow');
const THIS_ORGANISER_AND_ADMIN = per('login', 'deny', 'deny', 'deny',  'deny',   'deny',   'deny',   'allow',  'deny',   'deny',   'allow');

// Volunteers: A acts as a volunteer organisation, run by A's admin; the volunteer is on one of its shifts.
const A_COORDINATOR = per(   'login',  'deny',   'deny',   'allow',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny');
const THE_VOLUNTEER = per(   'login',  'allow',  'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny',   'deny');
/** A volunteer's own sign-up page: for anyone else it does not exist. */
const THE_VOLUNTEER_HIDDEN = per('login', 'allow', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden');
const NOBODY_HIDDEN = per(   'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden');

type Fixtures = {
  binA: string;
  binB: string;
  /** A member of association A, for its membership certificate. */
  memberBin: string;
  staffAId: string;
  claimId: string;
  publicFileId: string;
  privateFileId: string;
  outboxId: string;
  /** A competition accepting applications, organised by the demo organiser's body; its first lot, and a second. */
  openId: string;
  openLotId: string;
  /** A's draft on the open lot, and a second draft of A's (on the other lot) that may be withdrawn. */
  draftId: string;
  spareId: string;
  draftFileId: string;
  /** A competition whose commission sits; A's admitted application there and one of its files. */
  evaluationId: string;
  evaluationAppId: string;
  evaluationFileId: string;
  /** A competition with published results (from the demo data). */
  publishedId: string;
  /** A's project: its winning application, agreement, a submitted report of period 1 with an evidence file, a pending comment. */
  projectId: string;
  projectApplicationId: string;
  agreementId: string;
  reportId: string;
  reportFileId: string;
  feedbackId: string;
  /** A acting as a volunteer organisation; its open opportunity and shift; a second opportunity to close. */
  hostId: string;
  opportunityId: string;
  spareOpportunityId: string;
  shiftId: string;
  /** The volunteer's accepted sign-up on that shift, and its check-in code. */
  signupId: string;
  checkInCode: string;
  /** Another sign-up of the volunteer's, to cancel. */
  spareSignupId: string;
  campaignSlug: string;
  publicVolunteerId: string;
  privateVolunteerId: string;
  /** A certificate of the volunteer's confirmed hours. */
  certificateCode: string;
};

/** A request for one route: the address with real values for its parameters, and what each actor gets. */
type Case = { url: (f: Fixtures) => string; expect: Record<Actor, Answer>; note?: string };

/**
 * The table: `METHOD path` exactly as Fastify knows the route → the cases to request. A HEAD
 * route is checked with its GET's row. Static folders are asked for one real file each.
 */
const MATRIX: Record<string, Case[]> = {
  // Operations and static files, outside the language prefix.
  'GET /healthz': [{ url: () => '/healthz', expect: PUBLIC }],
  'GET /readyz': [{ url: () => '/readyz', expect: PUBLIC }],
  'GET /metrics': [{ url: () => '/metrics', expect: PUBLIC, note: 'public in the app; docs/security.md says to keep it off the public proxy' }],
  'GET /api/openapi.json': [{ url: () => '/api/openapi.json', expect: PUBLIC }],
  'GET /static/*': [{ url: () => '/static/app.css', expect: PUBLIC }],
  'GET /static/fonts/noto-sans/*': [{ url: () => '/static/fonts/noto-sans/files/noto-sans-cyrillic-400-normal.woff2', expect: PUBLIC }],
  'GET /static/htmx/*': [{ url: () => '/static/htmx/htmx.min.js', expect: PUBLIC }],
  'GET /favicon.ico': [{ url: () => '/favicon.ico', expect: PUBLIC }],
  'GET /': [{ url: () => '/', expect: PUBLIC }],

  // Home and accounts.
  'GET /:lang': [{ url: () => '/kk/', expect: PUBLIC }],
  'GET /:lang/signup': [{ url: () => '/kk/signup', expect: PUBLIC }],
  'POST /:lang/signup': [{ url: () => '/kk/signup', expect: PUBLIC }],
  'GET /:lang/signup/sent': [{ url: () => '/kk/signup/sent', expect: PUBLIC }],
  'GET /:lang/confirm': [{ url: () => '/kk/confirm?token=not-a-token', expect: PUBLIC }],
  'GET /:lang/login': [{ url: () => '/kk/login', expect: PUBLIC }],
  'POST /:lang/login': [{ url: () => '/kk/login', expect: PUBLIC }],
  'POST /:lang/logout': [{ url: () => '/kk/logout', expect: PUBLIC }],
  'GET /:lang/password/forgot': [{ url: () => '/kk/password/forgot', expect: PUBLIC }],
  'POST /:lang/password/forgot': [{ url: () => '/kk/password/forgot', expect: PUBLIC }],
  'GET /:lang/password/reset': [{ url: () => '/kk/password/reset?token=not-a-token', expect: PUBLIC }],
  'POST /:lang/password/reset': [{ url: () => '/kk/password/reset', expect: PUBLIC }],
  'GET /:lang/account': [{ url: () => '/kk/account', expect: SIGNED_IN }],
  'POST /:lang/account/sessions/revoke-others': [{ url: () => '/kk/account/sessions/revoke-others', expect: SIGNED_IN }],

  // The register: public reads.
  'GET /:lang/organisations': [{ url: () => '/kk/organisations?region=KZ-15&q=aktobe', expect: PUBLIC }],
  'GET /:lang/organisations/:bin': [{ url: (f) => `/kk/organisations/${f.binA}`, expect: PUBLIC }],
  'GET /:lang/organisations/export.csv': [{ url: (f) => `/kk/organisations/export.csv?q=${f.binA}`, expect: PUBLIC }],
  'GET /:lang/organisations/export.xlsx': [{ url: (f) => `/kk/organisations/export.xlsx?q=${f.binA}`, expect: PUBLIC }],
  'GET /:lang/organisations/figures': [{ url: () => '/kk/organisations/figures?region=KZ-15', expect: PUBLIC }],
  'GET /:lang/organisations/compilation/:file': [{ url: () => '/kk/organisations/compilation/KZ-11.pdf', expect: PUBLIC }],
  'GET /:lang/organisations/:bin/membership/:associationBin/certificate.pdf': [
    { url: (f) => `/kk/organisations/${f.memberBin}/membership/${f.binA}/certificate.pdf`, expect: PUBLIC },
  ],
  'GET /api/v1/organisations': [{ url: () => '/api/v1/organisations?q=aktobe', expect: PUBLIC }],
  'GET /api/v1/organisations/:bin': [{ url: (f) => `/api/v1/organisations/${f.binA}`, expect: PUBLIC }],
  'GET /api/v1/stats/organisations': [{ url: () => '/api/v1/stats/organisations?groupBy=region', expect: PUBLIC }],

  // The register: self-service.
  'GET /:lang/organisations/new': [{ url: () => '/kk/organisations/new', expect: SIGNED_IN }],
  'POST /:lang/organisations/new': [{ url: () => '/kk/organisations/new', expect: SIGNED_IN }],
  'GET /:lang/organisations/claim': [{ url: () => '/kk/organisations/claim', expect: SIGNED_IN }],
  'POST /:lang/organisations/claim': [{ url: () => '/kk/organisations/claim', expect: SIGNED_IN }],
  'GET /:lang/organisations/:bin/edit': [{ url: (f) => `/kk/organisations/${f.binA}/edit`, expect: ORG_A_ADMINS }],
  'POST /:lang/organisations/:bin/edit': [{ url: (f) => `/kk/organisations/${f.binA}/edit`, expect: ORG_A_ADMINS }],
  'GET /:lang/organisations/:bin/members': [{ url: (f) => `/kk/organisations/${f.binA}/members`, expect: ORG_A_ADMINS }],
  'POST /:lang/organisations/:bin/members/:userId': [{ url: (f) => `/kk/organisations/${f.binA}/members/${f.staffAId}`, expect: ORG_A_ADMINS }],
  'POST /:lang/organisations/:bin/members/claims/:claimId': [
    { url: (f) => `/kk/organisations/${f.binA}/members/claims/${f.claimId}`, expect: ORG_A_ADMINS },
  ],

  // Administration.
  'GET /:lang/admin/import/organisations': [{ url: () => '/kk/admin/import/organisations', expect: PLATFORM_ADMIN }],
  'POST /:lang/admin/import/organisations': [{ url: () => '/kk/admin/import/organisations', expect: PLATFORM_ADMIN }],
  'GET /:lang/admin/outbox': [{ url: () => '/kk/admin/outbox', expect: PLATFORM_ADMIN }],
  'GET /:lang/admin/outbox/:id': [{ url: (f) => `/kk/admin/outbox/${f.outboxId}`, expect: PLATFORM_ADMIN }],

  // Competitions: public pages and the API.
  'GET /:lang/competitions': [{ url: () => '/kk/competitions?instrument=grant', expect: PUBLIC }],
  'GET /:lang/competitions/:id': [{ url: (f) => `/kk/competitions/${f.openId}`, expect: PUBLIC }],
  'GET /:lang/competitions/:id/lots/:number/scores': [{ url: (f) => `/kk/competitions/${f.publishedId}/lots/1/scores`, expect: PUBLIC }],
  'GET /:lang/competitions/:id/protocol/:file': [{ url: (f) => `/kk/competitions/${f.publishedId}/protocol/kk.pdf`, expect: PUBLIC }],
  'GET /api/v1/competitions': [{ url: () => '/api/v1/competitions?status=accepting', expect: PUBLIC }],
  'GET /api/v1/competitions/:id': [{ url: (f) => `/api/v1/competitions/${f.openId}`, expect: PUBLIC }],

  // Competitions: applying, on behalf of A.
  'GET /:lang/competitions/:id/lots/:lotId/apply': [{ url: (f) => `/kk/competitions/${f.openId}/lots/${f.openLotId}/apply`, expect: SIGNED_IN }],
  'POST /:lang/competitions/:id/lots/:lotId/apply': [{ url: (f) => `/kk/competitions/${f.openId}/lots/${f.openLotId}/apply`, expect: SIGNED_IN }],
  'GET /:lang/applications': [{ url: () => '/kk/applications', expect: SIGNED_IN }],
  'GET /:lang/applications/:appId': [
    { url: (f) => `/kk/applications/${f.draftId}`, expect: ORG_A_MEMBERS, note: 'a draft is the applicant’s own' },
    { url: (f) => `/kk/applications/${f.evaluationAppId}`, expect: A_AND_ORGANISER },
  ],
  'GET /:lang/applications/:appId/steps/:step': [{ url: (f) => `/kk/applications/${f.draftId}/steps/summary`, expect: ORG_A_MEMBERS }],
  'POST /:lang/applications/:appId/steps/:step': [{ url: (f) => `/kk/applications/${f.draftId}/steps/summary`, expect: ORG_A_MEMBERS }],
  'POST /:lang/applications/:appId/steps/:step/autosave': [{ url: (f) => `/kk/applications/${f.draftId}/steps/summary/autosave`, expect: ORG_A_MEMBERS }],
  'GET /:lang/applications/:appId/receipt': [{ url: (f) => `/kk/applications/${f.evaluationAppId}/receipt`, expect: A_AND_ORGANISER }],
  'POST /:lang/applications/:appId/attachments': [
    { url: (f) => `/kk/applications/${f.draftId}/attachments`, expect: ORG_A_MEMBERS, note: 'a form that is not multipart gets 415 once let in' },
  ],
  'POST /:lang/applications/:appId/attachments/:fileId/delete': [
    { url: (f) => `/kk/applications/${f.evaluationAppId}/attachments/${f.evaluationFileId}/delete`, expect: ORG_A_MEMBERS, note: 'after the deadline: refused with 422 once let in' },
  ],
  'GET /:lang/applications/:appId/attachments/:fileId': [
    { url: (f) => `/kk/applications/${f.draftId}/attachments/${f.draftFileId}`, expect: ORG_A_MEMBERS },
    { url: (f) => `/kk/applications/${f.evaluationAppId}/attachments/${f.evaluationFileId}`, expect: A_ORGANISER_EXPERT },
  ],
  'POST /:lang/applications/:appId/submit': [{ url: (f) => `/kk/applications/${f.draftId}/submit`, expect: ORG_A_MEMBERS, note: 'the draft is incomplete: 422' }],
  'POST /:lang/applications/:appId/withdraw': [{ url: (f) => `/kk/applications/${f.spareId}/withdraw`, expect: ORG_A_MEMBERS }],

  // Competitions: the organiser's desk.
  'GET /:lang/manage/competitions': [{ url: () => '/kk/manage/competitions', expect: ORGANISERS }],
  'GET /:lang/manage/competitions/new': [{ url: () => '/kk/manage/competitions/new', expect: ORGANISERS }],
  'POST /:lang/manage/competitions/new': [{ url: () => '/kk/manage/competitions/new', expect: ORGANISERS }],
  'GET /:lang/manage/competitions/:id': [{ url: (f) => `/kk/manage/competitions/${f.evaluationId}`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/competitions/:id/commission': [{ url: (f) => `/kk/manage/competitions/${f.evaluationId}/commission`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/competitions/:id/evaluation': [{ url: (f) => `/kk/manage/competitions/${f.evaluationId}/evaluation`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/competitions/:id/results': [
    { url: (f) => `/kk/manage/competitions/${f.evaluationId}/results`, expect: THIS_ORGANISER, note: 'nobody has scored: refused for want of a quorum' },
  ],
  'POST /:lang/manage/competitions/:id/reannounce': [{ url: (f) => `/kk/manage/competitions/${f.evaluationId}/reannounce`, expect: THIS_ORGANISER }],
  'GET /:lang/manage/applications/:appId': [{ url: (f) => `/kk/manage/applications/${f.evaluationAppId}`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/applications/:appId/admission': [{ url: (f) => `/kk/manage/applications/${f.evaluationAppId}/admission`, expect: THIS_ORGANISER }],

  // Competitions: the expert's desk.
  'GET /:lang/expert': [{ url: () => '/kk/expert', expect: EXPERTS }],
  'GET /:lang/expert/applications/:appId': [{ url: (f) => `/kk/expert/applications/${f.evaluationAppId}`, expect: UNCONFLICTED_EXPERT }],
  'POST /:lang/expert/applications/:appId/declaration': [
    { url: (f) => `/kk/expert/applications/${f.evaluationAppId}/declaration`, expect: EXPERTS, note: 'any member may declare; a declared conflict stays (the use case refuses a change)' },
  ],
  'POST /:lang/expert/applications/:appId/scores': [{ url: (f) => `/kk/expert/applications/${f.evaluationAppId}/scores`, expect: UNCONFLICTED_EXPERT }],

  // Projects: the public portal and its API.
  'GET /:lang/projects': [{ url: () => '/kk/projects?region=KZ-15', expect: PUBLIC }],
  'GET /:lang/projects/:id': [{ url: (f) => `/kk/projects/${f.projectId}`, expect: PUBLIC }],
  'POST /:lang/projects/:id/feedback': [{ url: (f) => `/kk/projects/${f.projectId}/feedback`, expect: PUBLIC, note: 'an empty comment: 422' }],
  'GET /:lang/projects/:id/files/:fileId': [
    { url: (f) => `/kk/projects/${f.projectId}/files/${f.reportFileId}`, expect: A_AND_ORGANISER_HIDDEN, note: 'evidence of a report not yet accepted' },
  ],
  'GET /api/v1/projects': [{ url: () => '/api/v1/projects?region=KZ-15', expect: PUBLIC }],
  'GET /api/v1/projects/:id': [{ url: (f) => `/api/v1/projects/${f.projectId}`, expect: PUBLIC }],

  // Projects: agreements and reports.
  'GET /:lang/work/projects': [{ url: () => '/kk/work/projects', expect: SIGNED_IN }],
  'GET /:lang/work/applications/:applicationId/agreement': [{ url: (f) => `/kk/work/applications/${f.projectApplicationId}/agreement`, expect: THIS_ORGANISER }],
  'POST /:lang/work/applications/:applicationId/agreement': [{ url: (f) => `/kk/work/applications/${f.projectApplicationId}/agreement`, expect: THIS_ORGANISER }],
  'GET /:lang/work/agreements/:id': [{ url: (f) => `/kk/work/agreements/${f.agreementId}`, expect: A_AND_ORGANISER }],
  'POST /:lang/work/agreements/:id/confirm': [{ url: (f) => `/kk/work/agreements/${f.agreementId}/confirm`, expect: A_ADMIN_AND_ORGANISER, note: 'no side given: 400 once let in' }],
  'POST /:lang/work/agreements/:id/amend': [{ url: (f) => `/kk/work/agreements/${f.agreementId}/amend`, expect: THIS_ORGANISER }],
  'GET /:lang/work/projects/:id/reports/:period': [{ url: (f) => `/kk/work/projects/${f.projectId}/reports/1`, expect: A_AND_ORGANISER }],
  'POST /:lang/work/projects/:id/reports/:period': [{ url: (f) => `/kk/work/projects/${f.projectId}/reports/2`, expect: ORG_A_MEMBERS }],
  'POST /:lang/work/projects/:id/reports/:period/files': [{ url: (f) => `/kk/work/projects/${f.projectId}/reports/2/files`, expect: ORG_A_MEMBERS }],
  'POST /:lang/work/projects/:id/reports/:period/files/:fileId/delete': [
    { url: (f) => `/kk/work/projects/${f.projectId}/reports/1/files/${f.reportFileId}/delete`, expect: ORG_A_MEMBERS, note: 'the report is submitted: refused once let in' },
  ],
  'GET /:lang/work/reports/:reportId': [{ url: (f) => `/kk/work/reports/${f.reportId}`, expect: A_AND_ORGANISER }],
  'POST /:lang/work/reports/:reportId/decision': [{ url: (f) => `/kk/work/reports/${f.reportId}/decision`, expect: THIS_ORGANISER }],
  'GET /:lang/work/reports/:reportId/files/:fileId': [{ url: (f) => `/kk/work/reports/${f.reportId}/files/${f.reportFileId}`, expect: A_AND_ORGANISER }],

  // Projects: the organiser's monitoring desk and the moderation of comments.
  'GET /:lang/manage/projects': [{ url: () => '/kk/manage/projects', expect: ORGANISERS_AND_ADMIN }],
  'GET /:lang/manage/projects/:id': [{ url: (f) => `/kk/manage/projects/${f.projectId}`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/projects/:id/status': [{ url: (f) => `/kk/manage/projects/${f.projectId}/status`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/projects/:id/visits': [{ url: (f) => `/kk/manage/projects/${f.projectId}/visits`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/projects/:id/evaluation': [{ url: (f) => `/kk/manage/projects/${f.projectId}/evaluation`, expect: THIS_ORGANISER }],
  'POST /:lang/manage/feedback/:feedbackId': [{ url: (f) => `/kk/manage/feedback/${f.feedbackId}`, expect: THIS_ORGANISER_AND_ADMIN, note: 'no decision given: 400 once let in' }],

  // Open data.
  'GET /:lang/open-data': [{ url: () => '/kk/open-data', expect: PUBLIC }],
  'GET /open-data/360giving.json': [{ url: () => '/open-data/360giving.json', expect: PUBLIC }],
  'GET /open-data/360giving.csv': [{ url: () => '/open-data/360giving.csv', expect: PUBLIC }],
  'GET /open-data/ocds.json': [{ url: () => '/open-data/ocds.json', expect: PUBLIC }],
  'GET /open-data/indicator-results.json': [{ url: () => '/open-data/indicator-results.json', expect: PUBLIC }],

  // Volunteers: public pages and the API, the volunteer's desk, the coordinator's desk, certificates.
  'GET /manifest.webmanifest': [{ url: () => '/manifest.webmanifest', expect: PUBLIC }],
  'GET /sw.js': [{ url: () => '/sw.js', expect: PUBLIC }],
  'GET /:lang/volunteering': [{ url: () => '/kk/volunteering', expect: PUBLIC }],
  'GET /:lang/volunteering/opportunities/:id': [{ url: (f) => `/kk/volunteering/opportunities/${f.opportunityId}`, expect: PUBLIC }],
  'GET /:lang/volunteering/organisations/:id': [{ url: (f) => `/kk/volunteering/organisations/${f.hostId}`, expect: PUBLIC }],
  'GET /:lang/volunteering/campaigns': [{ url: () => '/kk/volunteering/campaigns', expect: PUBLIC }],
  'GET /:lang/volunteering/campaigns/:slug': [{ url: (f) => `/kk/volunteering/campaigns/${f.campaignSlug}`, expect: PUBLIC }],
  'GET /:lang/volunteers/:id': [
    { url: (f) => `/kk/volunteers/${f.publicVolunteerId}`, expect: PUBLIC },
    { url: (f) => `/kk/volunteers/${f.privateVolunteerId}`, expect: NOBODY_HIDDEN, note: 'a profile its volunteer keeps private' },
  ],
  'GET /api/v1/opportunities': [{ url: () => '/api/v1/opportunities', expect: PUBLIC }],
  'GET /:lang/volunteer': [{ url: () => '/kk/volunteer', expect: SIGNED_IN }],
  'GET /:lang/volunteer/profile': [{ url: () => '/kk/volunteer/profile', expect: SIGNED_IN }],
  'POST /:lang/volunteer/profile': [{ url: () => '/kk/volunteer/profile', expect: SIGNED_IN, note: 'an empty profile: 422' }],
  'POST /:lang/volunteer/profile/consent': [{ url: () => '/kk/volunteer/profile/consent', expect: SIGNED_IN, note: 'not multipart: 415' }],
  'POST /:lang/volunteering/shifts/:id/sign-up': [{ url: (f) => `/kk/volunteering/shifts/${f.shiftId}/sign-up`, expect: SIGNED_IN, note: 'without a profile, or already on it: 422' }],
  'POST /:lang/volunteer/signups/:id/cancel': [{ url: (f) => `/kk/volunteer/signups/${f.spareSignupId}/cancel`, expect: THE_VOLUNTEER }],
  'POST /:lang/volunteer/signups/:id/accept': [{ url: (f) => `/kk/volunteer/signups/${f.spareSignupId}/accept`, expect: THE_VOLUNTEER }],
  'POST /:lang/volunteer/signups/:id/decline': [{ url: (f) => `/kk/volunteer/signups/${f.spareSignupId}/decline`, expect: THE_VOLUNTEER }],
  'GET /:lang/volunteer/signups/:id/check-in': [{ url: (f) => `/kk/volunteer/signups/${f.signupId}/check-in`, expect: THE_VOLUNTEER_HIDDEN }],
  'GET /:lang/volunteer/signups/:id/hours': [{ url: (f) => `/kk/volunteer/signups/${f.signupId}/hours`, expect: THE_VOLUNTEER_HIDDEN }],
  'POST /:lang/volunteer/signups/:id/hours': [{ url: (f) => `/kk/volunteer/signups/${f.signupId}/hours`, expect: THE_VOLUNTEER_HIDDEN, note: 'no hours given: 422' }],
  'GET /:lang/volunteering/manage': [{ url: () => '/kk/volunteering/manage', expect: SIGNED_IN }],
  'POST /:lang/volunteering/manage/groups': [{ url: () => '/kk/volunteering/manage/groups', expect: SIGNED_IN, note: 'no name given: 422' }],
  'POST /:lang/volunteering/manage/organisations': [{ url: () => '/kk/volunteering/manage/organisations', expect: SIGNED_IN, note: 'no organisation chosen: 422' }],
  'GET /:lang/volunteering/manage/:hostId': [{ url: (f) => `/kk/volunteering/manage/${f.hostId}`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/manage/:hostId/coordinators': [{ url: (f) => `/kk/volunteering/manage/${f.hostId}/coordinators`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/manage/:hostId/coordinators/:userId/remove': [
    { url: (f) => `/kk/volunteering/manage/${f.hostId}/coordinators/${f.staffAId}/remove`, expect: A_COORDINATOR, note: 'not a coordinator: nothing to remove' },
  ],
  'GET /:lang/volunteering/manage/:hostId/opportunities/new': [{ url: (f) => `/kk/volunteering/manage/${f.hostId}/opportunities/new`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/manage/:hostId/opportunities': [{ url: (f) => `/kk/volunteering/manage/${f.hostId}/opportunities`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/manage/opportunities/:id/close': [{ url: (f) => `/kk/volunteering/manage/opportunities/${f.spareOpportunityId}/close`, expect: A_COORDINATOR }],
  'GET /:lang/volunteering/manage/shifts/:shiftId': [{ url: (f) => `/kk/volunteering/manage/shifts/${f.shiftId}`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/manage/shifts/:shiftId/decide': [{ url: (f) => `/kk/volunteering/manage/shifts/${f.shiftId}/decide`, expect: A_COORDINATOR, note: 'no decision: 400 once let in' }],
  'POST /:lang/volunteering/manage/shifts/:shiftId/hours': [{ url: (f) => `/kk/volunteering/manage/shifts/${f.shiftId}/hours`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/manage/shifts/:shiftId/invite': [{ url: (f) => `/kk/volunteering/manage/shifts/${f.shiftId}/invite`, expect: A_COORDINATOR, note: 'nobody named: 400 once let in' }],
  'POST /:lang/volunteering/manage/signups/:id/resolve': [{ url: (f) => `/kk/volunteering/manage/signups/${f.signupId}/resolve`, expect: A_COORDINATOR }],
  'GET /:lang/volunteering/check-in': [{ url: () => '/kk/volunteering/check-in?code=ABCDEFGHJK', expect: SIGNED_IN, note: 'a typed code: to its page' }],
  'GET /:lang/volunteering/check-in/:code': [{ url: (f) => `/kk/volunteering/check-in/${f.checkInCode}`, expect: A_COORDINATOR }],
  'POST /:lang/volunteering/check-in/:code': [{ url: (f) => `/kk/volunteering/check-in/${f.checkInCode}`, expect: A_COORDINATOR, note: 'the shift is days away: refused with a reason' }],
  'GET /:lang/volunteer/book': [{ url: () => '/kk/volunteer/book', expect: SIGNED_IN }],
  'POST /:lang/volunteer/certificates': [{ url: () => '/kk/volunteer/certificates', expect: SIGNED_IN, note: 'no language chosen: 422' }],
  'GET /:lang/volunteer/certificates/:code.pdf': [{ url: (f) => `/kk/volunteer/certificates/${f.certificateCode}.pdf`, expect: THE_VOLUNTEER }],
  'GET /:lang/certificates': [{ url: () => '/kk/certificates', expect: PUBLIC }],
  'GET /:lang/certificates/:code': [{ url: (f) => `/kk/certificates/${f.certificateCode}`, expect: PUBLIC }],
  'GET /api/v1/certificates/:code': [{ url: (f) => `/api/v1/certificates/${f.certificateCode}`, expect: PUBLIC }],
  'GET /.well-known/ortaq-certificate-key.pem': [{ url: () => '/.well-known/ortaq-certificate-key.pem', expect: PUBLIC }],

  // Files: public ones for everyone, private ones for who uploaded them (A's admin) and administrators.
  'GET /files/:id': [
    { url: (f) => `/files/${f.publicFileId}`, expect: PUBLIC },
    { url: (f) => `/files/${f.privateFileId}`, expect: UPLOADER_A_ADMIN },
  ],
};

const routes = new Set<string>();
let t: TestApp;
let fixtures: Fixtures;
const userIds = new Map<Actor, string>();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await testApp(
    {},
    {
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat()) routes.add(`${method} ${route.url}`);
      },
    },
  );
  await seedDemo(t.ctx);
  const db = t.ctx.db;
  const orgNamed = async (nameKk: string) => (await db.select().from(organisations).where(eq(organisations.nameKk, nameKk)))[0]!;
  const orgA = await orgNamed('«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі');
  const orgB = await orgNamed('«Көксу Жастары» қоғамдық бірлестігі');
  const userId = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!.id;
  const newUser = async (email: string) =>
    (await db.insert(users).values({ email, name: email.split('@')[0]!, passwordHash: 'x', emailVerifiedAt: new Date() }).returning())[0]!.id;

  const demo: Partial<Record<Actor, string>> = {
    volunteer: 'volunteer@ortaq.kz',
    adminA: 'ngo-admin@ortaq.kz',
    expert: 'expert@ortaq.kz',
    organiser: 'organiser@ortaq.kz',
    consultant: 'consultant@ortaq.kz',
    admin: 'admin@ortaq.kz',
  };
  for (const [actor, email] of Object.entries(demo)) userIds.set(actor as Actor, await userId(email));
  userIds.set('staffA', await newUser('staff-a@example.kz'));
  userIds.set('adminB', await newUser('admin-b@example.kz'));
  await db.insert(organisationMembers).values([
    { organisationId: orgA.id, userId: userIds.get('staffA')!, role: 'staff' },
    { organisationId: orgB.id, userId: userIds.get('adminB')!, role: 'admin' },
  ]);

  const claimant = await newUser('claimant@example.kz');
  const [claim] = await db.insert(organisationClaims).values({ organisationId: orgA.id, userId: claimant, message: 'I work here' }).returning();
  const [member] = await db
    .select({ bin: organisations.bin })
    .from(associationMembers)
    .innerJoin(organisations, eq(organisations.id, associationMembers.memberId))
    .where(eq(associationMembers.associationId, orgA.id))
    .limit(1);
  const upload = (visibility: 'public' | 'private') =>
    db.transaction((tx) =>
      storeUpload({ tx, blobs: t.ctx.blobs, maxBytes: t.ctx.config.maxUploadBytes }, { bytes: PDF, name: `${visibility}.pdf`, uploadedBy: userIds.get('adminA')!, visibility }),
    );
  const competitions = await competitionFixtures(orgA.id);
  await enqueueMail(db, { to: 'someone@example.kz', subject: 'A message', text: 'Hello' });
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'someone@example.kz')).limit(1);
  fixtures = {
    binA: orgA.bin,
    binB: orgB.bin,
    memberBin: member!.bin,
    staffAId: userIds.get('staffA')!,
    claimId: claim!.id,
    publicFileId: (await upload('public')).id,
    privateFileId: (await upload('private')).id,
    outboxId: mail!.id,
    ...competitions,
    ...(await volunteerFixtures(orgA.id)),
  };
});

/**
 * The competitions the rows need: one accepting applications with two drafts of A's, and one
 * whose commission sits, with A's admitted application, both organised by the demo organiser's body.
 */
async function competitionFixtures(orgAId: string): Promise<Omit<Fixtures, 'binA' | 'binB' | 'memberBin' | 'staffAId' | 'claimId' | 'publicFileId' | 'privateFileId' | 'outboxId' | keyof Awaited<ReturnType<typeof volunteerFixtures>>>> {
  const ctx = t.ctx;
  const db = ctx.db;
  const organiserId = userIds.get('organiser')!;
  const [membership] = await db.select().from(organisationMembers).where(eq(organisationMembers.userId, organiserId));
  const organiser = { body: { id: membership!.organisationId }, user: { id: organiserId } };
  const expertConflict = await makeUser(ctx, { roles: ['expert'], email: 'expert-conflict@example.kz' });
  const organiserOther = await makeUser(ctx, { roles: ['organiser'], email: 'organiser-other@example.kz' });
  await makeOrganisation(ctx, { kind: 'state', members: [{ userId: organiserOther.id, role: 'staff' }] });
  userIds.set('expertConflict', expertConflict.id);
  userIds.set('organiserOther', organiserOther.id);
  const adminA = await actorOf(ctx, userIds.get('adminA')!);

  const open = await makeCompetition(ctx, { organiser, lots: [sampleLot(), sampleLot({ titleEn: 'Second lot' })] });
  const start = async (lotId: string) => {
    const started = await startApplication(ctx, adminA, { lotId, organisationId: orgAId, language: 'kk' });
    if (!started.ok) throw new Error(started.key);
    return started.applicationId;
  };
  const draftId = await start(open.lots[0]!.id);
  const spareId = await start(open.lots[1]!.id);
  expect(await attachDocument(ctx, adminA, draftId, { documentCode: 'charter', name: 'charter.pdf', bytes: PDF })).toEqual({ ok: true });
  const [draftFile] = await db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, draftId));

  const evaluation = await makeCompetition(ctx, { organiser });
  const lotId = evaluation.lots[0]!.id;
  await db.insert(ngoDatabaseReports).values({ organisationId: orgAId, year: evaluation.year - 1, submittedOn: `${evaluation.year}-03-01` }).onConflictDoNothing();
  const other = await makeApplicant(ctx, evaluation.year);
  const evaluationAppId = await completeApplication(ctx, userIds.get('adminA')!, orgAId, lotId);
  const otherAppId = await completeApplication(ctx, other.admin.id, other.organisation.id, lotId);
  for (const [userId, appId] of [[userIds.get('adminA')!, evaluationAppId], [other.admin.id, otherAppId]] as const) {
    expect((await submitApplication(ctx, await actorOf(ctx, userId), appId)).ok).toBe(true);
  }
  // The deadline passes: the competition's dates move a month back.
  const month = 30 * 86_400_000;
  const [c] = await db.select().from(competitionsTable).where(eq(competitionsTable.id, evaluation.competitionId));
  await db
    .update(competitionsTable)
    .set({
      announcedAt: new Date(c!.announcedAt.getTime() - 2 * month),
      deadlineAt: new Date(c!.deadlineAt.getTime() - month),
      admissionUntil: new Date(c!.admissionUntil.getTime() - month),
      evaluationUntil: new Date(c!.evaluationUntil.getTime() - month),
      resultsDueAt: new Date(c!.resultsDueAt.getTime() - month),
    })
    .where(eq(competitionsTable.id, evaluation.competitionId));
  const organiserActor = await actorOf(ctx, organiserId);
  const third = await makeUser(ctx, { roles: ['expert'] });
  expect(await nameCommission(ctx, organiserActor, evaluation.competitionId, [userIds.get('expert')!, expertConflict.id, third.id])).toEqual({ ok: true });
  for (const appId of [evaluationAppId, otherAppId]) expect(await decideAdmission(ctx, organiserActor, appId, { admit: true })).toEqual({ ok: true });
  expect(await startEvaluation(ctx, organiserActor, evaluation.competitionId)).toEqual({ ok: true });
  expect(await declareConflict(ctx, await actorOf(ctx, userIds.get('expert')!), evaluationAppId, { hasConflict: false })).toEqual({ ok: true });
  expect(await declareConflict(ctx, await actorOf(ctx, expertConflict.id), evaluationAppId, { hasConflict: true, note: 'I advised them last year' })).toEqual({ ok: true });
  const [evaluationFile] = await db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, evaluationAppId));
  const [published] = await db.select().from(competitionsTable).where(eq(competitionsTable.stage, 'published')).limit(1);

  // A's project: A wins a lot of a published competition of the organiser's body.
  const funded = await makeCompetition(ctx, { organiser });
  const projectApplicationId = await completeApplication(ctx, userIds.get('adminA')!, orgAId, funded.lots[0]!.id);
  expect((await submitApplication(ctx, adminA, projectApplicationId)).ok).toBe(true);
  const [won] = await db.select().from(applicationsTable).where(eq(applicationsTable.id, projectApplicationId));
  await db.update(applicationsTable).set({ status: 'admitted', score: 60, rank: 1 }).where(eq(applicationsTable.id, projectApplicationId));
  await db.update(lotsTable).set({ outcome: 'awarded', winnerApplicationId: projectApplicationId, awardTiyn: won!.requestedTiyn }).where(eq(lotsTable.id, funded.lots[0]!.id));
  await db.update(competitionsTable).set({ stage: 'published', publishedAt: new Date() }).where(eq(competitionsTable.id, funded.competitionId));
  const made = await makeAgreement(ctx, organiserActor, projectApplicationId, sampleTerms(won!.requestedTiyn));
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  await confirmAgreement(ctx, organiserActor, made.id, 'organiser');
  const { projectId } = await confirmAgreement(ctx, adminA, made.id, 'organisation');
  const [indicator] = await db.select().from(projectIndicators).where(eq(projectIndicators.projectId, projectId!));
  const saved = await saveReport(ctx, adminA, projectId!, 1, {
    narrative: 'Бір дөңгелек үстел өтті.',
    beneficiaries: { female: { '18-29': 12 }, male: { '18-29': 9 } },
    values: [{ indicatorId: indicator!.id, actual: 1, evidence: '' }],
    spending: [],
  });
  if (!saved.ok) throw new Error(saved.key);
  expect(await attachReportFile(ctx, adminA, projectId!, 1, { purpose: 'evidence', name: 'photo.pdf', bytes: PDF })).toMatchObject({ ok: true });
  expect(await submitReport(ctx, adminA, saved.reportId)).toEqual({ ok: true });
  const [reportFile] = await db.select().from(reportFiles).where(eq(reportFiles.reportId, saved.reportId));
  const { id: feedbackId } = await leaveFeedback(ctx, ANONYMOUS, projectId!, { authorName: 'Азамат', body: 'Жақсы жоба' });

  return {
    openId: open.competitionId,
    openLotId: open.lots[0]!.id,
    draftId,
    spareId,
    draftFileId: draftFile!.fileId,
    evaluationId: evaluation.competitionId,
    evaluationAppId,
    evaluationFileId: evaluationFile!.fileId,
    publishedId: published!.id,
    projectId: projectId!,
    projectApplicationId,
    agreementId: made.id,
    reportId: saved.reportId,
    reportFileId: reportFile!.fileId,
    feedbackId,
  };
}
/**
 * A acting as a volunteer organisation (run by its admin) with an opportunity whose shift the
 * volunteer is accepted on, a spare opportunity to close, a campaign, a public and a private
 * volunteer, and a certificate of the volunteer's confirmed hours elsewhere.
 */
async function volunteerFixtures(orgAId: string) {
  const ctx = t.ctx;
  const volunteerId = userIds.get('volunteer')!;
  const volunteer = await actorOf(ctx, volunteerId);
  await saveProfile(ctx, volunteer, {
    birthDate: '1995-04-12', regionCode: 'KZ-15', city: 'Ақтөбе', languages: ['kk'], skills: [], areas: [], availability: [], contactChannels: [],
    phone: null, about: null, publicProfile: false, openToInvitations: false,
  });
  const { id: hostId } = await enableOrganisation(ctx, await actorOf(ctx, userIds.get('adminA')!), { organisationId: orgAId, city: 'Ақтөбе' });
  const { opportunity, shifts } = await makeOpportunity(ctx, hostId, { regionCode: 'KZ-15', shifts: [{ inHours: 24 * 40, capacity: 5 }] });
  const spare = await makeOpportunity(ctx, hostId, { regionCode: 'KZ-15' });
  const signed = await signUp(ctx, volunteer, shifts[0]!.id);
  if (!signed.ok) throw new Error(signed.refusal.key);
  await decideSignups(ctx, await actorOf(ctx, userIds.get('adminA')!), shifts[0]!.id, [signed.signupId], 'accept');
  const [signup] = await ctx.db.select().from(volunteerSignups).where(eq(volunteerSignups.id, signed.signupId));
  const spareSigned = await signUp(ctx, volunteer, spare.shifts[0]!.id);
  if (!spareSigned.ok) throw new Error(spareSigned.refusal.key);
  const past = await makeOpportunity(ctx, (await makeHost(ctx)).host.id, { shifts: [{ inHours: -30, capacity: 5 }] });
  await ctx.db.insert(volunteerSignups).values({ shiftId: past.shifts[0]!.id, volunteerId, status: 'accepted', queuedAt: new Date(), minutes: 120, hoursStatus: 'confirmed' });
  const certificate = await issueCertificate(ctx, volunteer, { volunteerId, lang: 'kk' });
  if (!certificate.ok) throw new Error(certificate.key);
  const [campaign] = await ctx.db
    .insert(volunteerCampaigns)
    .values({ slug: 'access-matrix', titleKk: 'Науқан', titleRu: 'Кампания', descriptionKk: 'Сынақ', descriptionRu: 'Тест', regionCode: 'KZ', startsOn: '2026-01-01' })
    .returning();
  return {
    hostId,
    opportunityId: opportunity.id,
    spareOpportunityId: spare.opportunity.id,
    shiftId: shifts[0]!.id,
    signupId: signed.signupId,
    checkInCode: signup!.checkInCode!,
    spareSignupId: spareSigned.signupId,
    campaignSlug: campaign!.slug,
    publicVolunteerId: (await makeVolunteer(ctx, { publicProfile: true })).id,
    privateVolunteerId: (await makeVolunteer(ctx, { publicProfile: false })).id,
    certificateCode: certificate.code,
  };
}
afterAll(() => t.close());

/** A browser of this actor with a session of its own, so that logging out or ending other sessions affects nothing else. */
async function clientOf(actor: Actor): Promise<TestClient> {
  const client = new TestClient(t.app);
  const id = userIds.get(actor);
  if (id) client.setCookie(SESSION_COOKIE, (await createSession(t.ctx.db, id, {})).token);
  return client;
}

async function request(actor: Actor, method: string, url: string): Promise<LightMyRequestResponse> {
  const client = await clientOf(actor);
  if (method === 'GET') return client.get(url);
  if (method === 'HEAD') {
    return t.app.inject({ method: 'HEAD', url, remoteAddress: client.remoteAddress, headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE) ?? ''}` } });
  }
  // A form page first, as a browser would, for the CSRF token of this session.
  await client.get('/kk/password/forgot');
  return client.post(url, {});
}

function verdict(answer: Answer, res: LightMyRequestResponse): string | null {
  const location = String(res.headers.location ?? '');
  const toLogin = res.statusCode === 303 && /^\/(kk|ru|en)\/login(\?|$)/.test(location);
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  switch (answer) {
    case 'public':
    case 'allow':
      if ([401, 403, 404].includes(res.statusCode) || toLogin) return `was refused (${res.statusCode}${location ? ` → ${location}` : ''})`;
      return null;
    case 'deny':
      return res.statusCode === 403 ? null : `answered ${res.statusCode}${location ? ` → ${location}` : ''} instead of 403`;
    case 'hidden':
      return res.statusCode === 404 ? null : `answered ${res.statusCode} instead of 404`;
    case 'login':
      return toLogin ? null : `answered ${res.statusCode}${location ? ` → ${location}` : ''} instead of a redirect to log in`;
  }
}

/** The row of a route: its own, or for a HEAD route its GET's. */
const rowOf = (route: string): Case[] | undefined => MATRIX[route] ?? (route.startsWith('HEAD ') ? MATRIX[`GET ${route.slice(5)}`] : undefined);

describe('the access matrix', () => {
  it('has a row for every route of the app, and a route for every row', () => {
    const missing = [...routes].filter((r) => !rowOf(r)).sort();
    const gone = Object.keys(MATRIX).filter((r) => !routes.has(r)).sort();
    const problems = [
      ...(missing.length ? [`Routes with no row in MATRIX (add one, saying who may reach them):\n  ${missing.join('\n  ')}`] : []),
      ...(gone.length ? [`Rows in MATRIX for routes the app does not have:\n  ${gone.join('\n  ')}`] : []),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('signs each actor in as who the table says', async () => {
    for (const actor of ACTORS) {
      const res = await (await clientOf(actor)).get('/en/account');
      if (actor === 'anonymous') expect(res.statusCode).toBe(303);
      else expect(res.body, actor).toContain(`${(await t.ctx.db.select().from(users).where(eq(users.id, userIds.get(actor)!)))[0]!.email}`);
    }
  });

  it.each(Object.keys(MATRIX))('%s', { timeout: 120_000 }, async (route) => {
    const method = route.slice(0, route.indexOf(' '));
    // HEAD is checked with the GET's row, wherever Fastify added one.
    const methods = method === 'GET' && routes.has(`HEAD ${route.slice(4)}`) ? ['GET', 'HEAD'] : [method];
    const wrong: string[] = [];
    for (const c of MATRIX[route]!) {
      const url = c.url(fixtures);
      for (const m of methods) {
        for (const actor of ACTORS) {
          const problem = verdict(c.expect[actor], await request(actor, m, url));
          if (problem) wrong.push(`${m} ${url} as ${actor} (expected ${c.expect[actor]}): ${problem}`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('references to another organisation', () => {
  /** Posts a form as B's admin, with a token of its own session. */
  async function asAdminB(url: string, form: Record<string, string>) {
    const client = await clientOf('adminB');
    await client.get(`/kk/organisations/${fixtures.binB}/members`);
    return client.post(url, form);
  }

  it('refuses B’s admin a claim of A, sent through B’s own address', async () => {
    const res = await asAdminB(`/kk/organisations/${fixtures.binB}/members/claims/${fixtures.claimId}`, { decision: 'approve' });
    expect(res.statusCode).toBe(403);
    const [claim] = await t.ctx.db.select().from(organisationClaims).where(eq(organisationClaims.id, fixtures.claimId));
    expect(claim?.status).toBe('pending');
  });

  it('does not find A’s member among B’s, so B’s admin cannot change their role', async () => {
    const res = await asAdminB(`/kk/organisations/${fixtures.binB}/members/${fixtures.staffAId}`, { role: 'admin' });
    expect(res.statusCode).toBe(404);
    const roles = await t.ctx.db.select({ role: organisationMembers.role }).from(organisationMembers).where(eq(organisationMembers.userId, fixtures.staffAId));
    expect(roles).toEqual([{ role: 'staff' }]);
  });
});
