import type { VNode } from 'preact';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationProjects } from './portal-queries.ts';
import { OrganisationProjects } from './views/portal-profile.tsx';

/** On an organisation's profile: its funded projects, with amount and status. Nothing when none. */
export async function projectsSection(ctx: AppContext, organisation: { id: string; bin: string }, _lang: Lang): Promise<VNode | null> {
  const { rows, total } = await organisationProjects(ctx.db, organisation.id);
  if (total === 0) return null;
  return <OrganisationProjects key="organisation-projects" rows={rows} total={total} bin={organisation.bin} />;
}
