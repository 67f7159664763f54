import type { Lang } from '../../core/i18n/langs.ts';

/** Absolute links for e-mails, in the recipient's language. */
export const accountLink = (publicUrl: string, lang: Lang, path: string, token?: string) =>
  `${publicUrl}/${lang}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
