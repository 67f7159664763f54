import { usePage } from '../../../core/views/page-context.ts';
import { durationText } from '../volunteer-book.ts';

/** Minutes as "12 h 30 min" in the page's language. */
export function useDuration(): (minutes: number) => string {
  const { t, f } = usePage();
  return (minutes) => durationText(t, f, minutes);
}

export type TotalRow = { key: string; label: string; minutes: number };

/** One breakdown of hours (by organisation, area or year) as a two-column table. */
export function TotalsTable({ caption, head, rows }: { caption: string; head: string; rows: TotalRow[] }) {
  const { t } = usePage();
  const duration = useDuration();
  return (
    <div class="table-scroll">
      <table class="work-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="num">
              {t('volunteers.book.hours')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td class="num nowrap">{duration(r.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const certificatePaths = {
  book: '/volunteer/book',
  issue: '/volunteer/certificates',
  pdf: (code: string) => `/volunteer/certificates/${code}.pdf`,
  check: '/certificates',
  verify: (code: string) => `/certificates/${code}`,
};
