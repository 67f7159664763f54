import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Submit } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { PUBLIC_KEY_PATH } from '../certificate-key.ts';
import type { CertificatePayload, Verification } from '../verify-certificate.ts';
import { certificatePaths, TotalsTable, useDuration } from './certificate-parts.tsx';

/** The public form to type a certificate's code; it is a GET form, so the answer has its own address. */
export function CertificateCheckPage({ form }: { form: FormState }) {
  const { t, href } = usePage();
  return (
    <section class="narrow certificate-check">
      <h1>{t('volunteers.verify.title')}</h1>
      <p class="lead">{t('volunteers.verify.lead')}</p>
      <ErrorSummary form={form} />
      <form method="get" action={href(certificatePaths.check)} class="search-row" aria-label={t('volunteers.verify.title')}>
        <Field form={form} name="code" label={t('volunteers.verify.code')} autocomplete="off" required />
        <Submit>{t('volunteers.verify.submit')}</Submit>
      </form>
    </section>
  );
}

function Figures({ payload }: { payload: CertificatePayload }) {
  const { t, f } = usePage();
  const duration = useDuration();
  const person = payload.volunteer.birthYear === null ? payload.volunteer.name : `${payload.volunteer.name}, ${t('volunteers.certificate.born', { year: String(payload.volunteer.birthYear) })}`;
  return (
    <>
      <dl class="facts">
        <dt>{t('volunteers.verify.issued-to')}</dt>
        <dd lang={payload.lang}>{person}</dd>
        <dt>{t('volunteers.certificate.issued-at')}</dt>
        <dd>{f.date(new Date(payload.issuedAt))}</dd>
        <dt>{t('volunteers.certificate.language')}</dt>
        <dd>{t(`volunteers.language.${payload.lang}`)}</dd>
        <dt>{t('volunteers.verify.total')}</dt>
        <dd>
          <strong>{duration(payload.totalMinutes)}</strong>
        </dd>
      </dl>
      <TotalsTable
        caption={t('volunteers.book.by-organisation')}
        head={t('volunteers.book.organisation')}
        rows={payload.byOrganisation.map((o, i) => ({ key: String(i), label: o.informal ? `${o.name} ${t('volunteers.book.informal')}` : o.name, minutes: o.minutes }))}
      />
      <TotalsTable caption={t('volunteers.book.by-area')} head={t('volunteers.book.area')} rows={payload.byArea.map((a) => ({ key: a.area, label: a.name, minutes: a.minutes }))} />
      <TotalsTable caption={t('volunteers.book.by-year')} head={t('volunteers.book.year')} rows={payload.byYear.map((y) => ({ key: String(y.year), label: String(y.year), minutes: y.minutes }))} />
    </>
  );
}

/**
 * The answer for one code: VALID with the signed figures, or NOT VALID with the reason first
 * (and what the record claims, marked as not to be relied on).
 */
export function CertificateVerdictPage(props: { code: string; verification: Verification; withToken: boolean; signature: string | null; publicKeyPem: string }) {
  const { t, href } = usePage();
  const v = props.verification;
  return (
    <section class="narrow certificate-verdict">
      <h1>{t('volunteers.verify.page-title', { code: props.code })}</h1>
      {v.valid ? (
        <div class="check check--ok" role="status">
          <p>
            <strong class="verdict">{t('volunteers.verify.valid')}</strong>
          </p>
          <p>{t('volunteers.verify.valid-lead')}</p>
          {props.withToken ? <p>{t('volunteers.verify.valid-token')}</p> : null}
        </div>
      ) : (
        <div class="check check--fail" role="alert">
          <p>
            <strong class="verdict">{t('volunteers.verify.invalid')}</strong>
          </p>
          <p>{t(`volunteers.verify.reason.${v.reason}`, { code: props.code })}</p>
        </div>
      )}
      {v.payload ? (
        <>
          {v.valid ? null : <h2>{t('volunteers.verify.recorded')}</h2>}
          <Figures payload={v.payload} />
        </>
      ) : null}
      <details class="certificate-key">
        <summary>{t('volunteers.verify.public-key')}</summary>
        <p>{t('volunteers.verify.offline')}</p>
        <p>
          <a href={PUBLIC_KEY_PATH}>{PUBLIC_KEY_PATH}</a>
        </p>
        <pre class="fingerprint">{props.publicKeyPem}</pre>
        {props.signature ? (
          <p>
            {t('volunteers.verify.signature')}: <code class="fingerprint">{props.signature}</code>
          </p>
        ) : null}
      </details>
      <p>
        <a href={href(certificatePaths.check)}>{t('volunteers.verify.title')}</a>
      </p>
    </section>
  );
}
