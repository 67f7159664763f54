import { errorTitleKey } from '../errors/app-error.ts';
import { usePage } from './page-context.ts';

export function ErrorPage({ status, messageKey, params }: { status: number; messageKey: string; params?: Record<string, string | number> }) {
  const { t, href } = usePage();
  return (
    <section class="error-page">
      <h1>{t(errorTitleKey(status))}</h1>
      <p>{t(messageKey, params)}</p>
      <p>
        <a href={href('/')}>{t('errors.back-home')}</a>
      </p>
    </section>
  );
}
