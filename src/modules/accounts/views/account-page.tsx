import type { Role } from '../../../core/auth/schema.ts';
import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { SessionSummary } from '../queries.ts';

export function AccountPage({ sessions }: { sessions: SessionSummary[] }) {
  const { t, f, actor, href } = usePage();
  const roles = [...actor.roles] as Role[];
  return (
    <section>
      <h1>{t('accounts.account.title')}</h1>
      <dl class="facts">
        <dt>{t('accounts.field.name')}</dt>
        <dd>{actor.name}</dd>
        <dt>{t('accounts.field.email')}</dt>
        <dd>{actor.email}</dd>
        <dt>{t('accounts.account.roles')}</dt>
        <dd>{roles.length ? roles.map((r) => t(`accounts.role.${r}`)).join(', ') : t('accounts.account.no-roles')}</dd>
      </dl>
      <h2>{t('accounts.account.sessions')}</h2>
      <ul class="sessions">
        {sessions.map((s) => (
          <li key={s.id}>
            {s.userAgent ?? '—'}
            {s.current ? <strong> ({t('accounts.account.session-current')})</strong> : null}
            <br />
            <small>{t('accounts.account.session-since', { date: f.dateTime(s.createdAt), last: f.dateTime(s.lastSeenAt) })}</small>
          </li>
        ))}
      </ul>
      {sessions.length > 1 ? (
        <Form action={href('/account/sessions/revoke-others')}>
          <button type="submit" class="button button--secondary">
            {t('accounts.account.revoke-others')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
