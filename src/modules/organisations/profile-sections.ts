import type { VNode } from 'preact';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';

/** What a module shows on an organisation's profile: its competitions, projects, opportunities… */
export type ProfileSection = (ctx: AppContext, organisation: { id: string; bin: string }, lang: Lang) => Promise<VNode | null>;

export const PROFILE_EXTENSION = 'organisation.profile';

export async function renderProfileSections(ctx: AppContext, organisation: { id: string; bin: string }, lang: Lang): Promise<VNode[]> {
  const sections = ctx.modules.map((m) => m.extensions?.[PROFILE_EXTENSION] as ProfileSection | undefined).filter((s): s is ProfileSection => Boolean(s));
  return (await Promise.all(sections.map((s) => s(ctx, organisation, lang)))).filter((v): v is VNode => v !== null);
}
