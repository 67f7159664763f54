import { usePage } from '../../../core/views/page-context.ts';

/** The address of a region's printed compilation in Kazakh or Russian. */
export function compilationPath(regionCode: string, docLang: 'kk' | 'ru'): string {
  return `/organisations/compilation/${regionCode}.pdf?lang=${docLang}`;
}

/** Links to a region's compilation in both languages; PDFs are not swapped in by htmx. */
export function CompilationLinks({ regionCode }: { regionCode: string }) {
  const { t, href } = usePage();
  return (
    <span class="compilation-links">
      <a href={href(compilationPath(regionCode, 'kk'))} hreflang="kk" type="application/pdf" hx-boost="false">
        {t('organisations.compilation.in-kk')}
      </a>
      {' · '}
      <a href={href(compilationPath(regionCode, 'ru'))} hreflang="ru" type="application/pdf" hx-boost="false">
        {t('organisations.compilation.in-ru')}
      </a>
    </span>
  );
}
