import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Form, FormSelect, Submit } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { VolunteerBook } from '../volunteer-book.ts';
import { certificatePaths, TotalsTable, useDuration } from './certificate-parts.tsx';

export type OwnCertificate = { code: string; lang: 'kk' | 'ru'; issuedAt: Date; totalMinutes: number };

/** The volunteer's confirmed hours with their totals, their certificates, and the form to get a new one. */
export function VolunteerBookPage({ book, certificates, form }: { book: VolunteerBook; certificates: OwnCertificate[]; form: FormState }) {
  const { t, f, lang, href } = usePage();
  const duration = useDuration();
  const name = (o: { nameKk: string; nameRu: string }) => (lang === 'ru' ? o.nameRu : o.nameKk);
  return (
    <section class="work volunteer-book">
      <h1>{t('volunteers.book.title')}</h1>
      <p class="lead">{t('volunteers.book.lead')}</p>
      {book.totalMinutes === 0 ? (
        <p class="note">{t('volunteers.book.empty')}</p>
      ) : (
        <>
          <p class="figures-summary">
            <strong>{t('volunteers.book.total', { duration: duration(book.totalMinutes) })}</strong>
          </p>
          <TotalsTable
            caption={t('volunteers.book.by-organisation')}
            head={t('volunteers.book.organisation')}
            rows={book.byOrganisation.map((o) => ({ key: o.id, label: o.informal ? `${name(o)} ${t('volunteers.book.informal')}` : name(o), minutes: o.minutes }))}
          />
          <TotalsTable
            caption={t('volunteers.book.by-area')}
            head={t('volunteers.book.area')}
            rows={book.byArea.map((a) => ({ key: a.area, label: t(`organisations.area.${a.area}`), minutes: a.minutes }))}
          />
          <TotalsTable
            caption={t('volunteers.book.by-year')}
            head={t('volunteers.book.year')}
            rows={book.byYear.map((y) => ({ key: String(y.year), label: String(y.year), minutes: y.minutes }))}
          />
          <h2>{t('volunteers.book.shifts')}</h2>
          <section class="table-scroll" aria-label={t('volunteers.book.shifts')} tabindex={0}>
            <table class="work-table">
              <caption class="visually-hidden">{t('volunteers.book.shifts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('volunteers.book.date')}</th>
                  <th scope="col">{t('volunteers.book.shift')}</th>
                  <th scope="col">{t('volunteers.book.organisation')}</th>
                  <th scope="col" class="num">
                    {t('volunteers.book.hours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {book.shifts.map((s) => (
                  <tr key={s.signupId}>
                    <td class="nowrap">{f.date(s.startsAt)}</td>
                    <td lang={lang === 'ru' ? 'ru' : 'kk'}>{lang === 'ru' ? s.titleRu : s.titleKk}</td>
                    <td>{name(s.host)}</td>
                    <td class="num nowrap">{duration(s.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}

      <h2 id="certificates">{t('volunteers.certificate.list')}</h2>
      {certificates.length === 0 ? (
        <p class="note">{t('volunteers.certificate.none')}</p>
      ) : (
        <section class="table-scroll" aria-label={t('volunteers.certificate.list')} tabindex={0}>
          <table class="work-table">
            <caption class="visually-hidden">{t('volunteers.certificate.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteers.certificate.code')}</th>
                <th scope="col">{t('volunteers.certificate.issued-on')}</th>
                <th scope="col">{t('volunteers.certificate.language')}</th>
                <th scope="col" class="num">
                  {t('volunteers.certificate.total')}
                </th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((c) => (
                <tr key={c.code}>
                  <th scope="row" class="nowrap">
                    <a href={`/${c.lang}${certificatePaths.verify(c.code)}`}>{c.code}</a>
                  </th>
                  <td class="nowrap">{f.date(c.issuedAt)}</td>
                  <td>{t(`volunteers.language.${c.lang}`)}</td>
                  <td class="num nowrap">{duration(c.totalMinutes)}</td>
                  <td>
                    <a href={href(certificatePaths.pdf(c.code))} download>
                      {t('volunteers.certificate.download')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2 id="new-certificate">{t('volunteers.certificate.new')}</h2>
      <p>{t('volunteers.certificate.new-lead')}</p>
      <ErrorSummary form={form} />
      <Form action={href(certificatePaths.issue)} class="inline-form" label={t('volunteers.certificate.new')}>
        <FormSelect
          form={form}
          name="lang"
          label={t('volunteers.certificate.lang')}
          required
          choices={[
            { value: 'kk', label: t('volunteers.language.kk') },
            { value: 'ru', label: t('volunteers.language.ru') },
          ]}
        />
        <Submit>{t('volunteers.certificate.issue')}</Submit>
      </Form>
    </section>
  );
}
