import type { VNode } from 'preact';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';
import { decidedApplications } from './queries.ts';
import { DecidedApplications } from './views/public-decided.tsx';

/**
 * On an organisation's profile: its applications on which an organiser has decided, admitted or
 * refused, with the outcome once the competition's results are published. Nothing when none.
 */
export async function decidedApplicationsSection(ctx: AppContext, organisation: { id: string; bin: string }, _lang: Lang): Promise<VNode | null> {
  const rows = await decidedApplications(ctx.db, organisation.id);
  if (rows.length === 0) return null;
  return <DecidedApplications key="competition-applications" rows={rows} />;
}
