import { usePage } from '../../../core/views/page-context.ts';
import type { OutboxMessage } from '../queries.ts';

export function OutboxListPage({ messages }: { messages: OutboxMessage[] }) {
  const { t, f, href } = usePage();
  return (
    <section>
      <h1>{t('admin.outbox.title')}</h1>
      <p>{t('admin.outbox.intro')}</p>
      {messages.length === 0 ? (
        <p>{t('admin.outbox.empty')}</p>
      ) : (
        <section class="table-scroll" aria-label={t('admin.outbox.title')} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.created')}</th>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td class="nowrap">{f.dateTime(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <a href={href(`/admin/outbox/${m.id}`)}>{m.subject}</a>
                  </td>
                  <td>{t(`admin.outbox.status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** Shows a message's text with its web links clickable (the demo's way to confirm an address). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

export function OutboxMessagePage({ message }: { message: OutboxMessage }) {
  const { t, f, href } = usePage();
  return (
    <section>
      <h1>{message.subject}</h1>
      <dl class="facts">
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('admin.outbox.created')}</dt>
        <dd>{f.dateTime(message.createdAt)}</dd>
        <dt>{t('admin.outbox.status')}</dt>
        <dd>{t(`admin.outbox.status.${message.status}`)}</dd>
        <dt>{t('admin.outbox.attempts')}</dt>
        <dd>{message.attempts}</dd>
        {message.lastError ? (
          <>
            <dt>{t('admin.outbox.last-error')}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      <pre class="mail-text">
        <LinkedText text={message.text} />
      </pre>
      <p>
        <a href={href('/admin/outbox')}>{t('admin.outbox.back')}</a>
      </p>
    </section>
  );
}
