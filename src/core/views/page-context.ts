import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../auth/actor.ts';
import type { Formatters } from '../format/intl.ts';
import type { Lang } from '../i18n/langs.ts';
import type { Translate } from '../i18n/messages.ts';
import type { NavItem } from '../module.ts';

export type Flash = { kind: 'success' | 'info' | 'error'; key: string; params?: Record<string, string | number> };

/** What every view may read about the request it renders for. */
export type PageContext = {
  lang: Lang;
  t: Translate;
  f: Formatters;
  actor: Actor;
  csrfToken: string;
  /** The current path without its language prefix, with its query string. */
  path: string;
  flash: Flash | null;
  nav: NavItem[];
  can(action: string, resource?: unknown): boolean;
  /** Builds a link in the current language. */
  href(path: string): string;
};

export const PageContextProvider = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageContextProvider);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}
