import type { ApplicationRecord } from '../records.ts';

/** The whole application as submitted, read-only: for the applicant, the organiser and the experts. */
export function ApplicationReadOnly({ record }: { record: ApplicationRecord }) {
  return <section>{record.application.content.summary.title}</section>;
}
