import type { VNode } from 'preact';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';

export async function projectsSection(_ctx: AppContext, _organisation: { id: string; bin: string }, _lang: Lang): Promise<VNode | null> {
  return null;
}
