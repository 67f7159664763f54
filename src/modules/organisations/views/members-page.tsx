import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { membersOf } from '../members-query.ts';

type Members = Awaited<ReturnType<typeof membersOf>>;

export function MembersPage({ title, bin, members, claims }: Members & { title: string; bin: string }) {
  const { t, f, href, actor } = usePage();
  const base = href(`/organisations/${bin}/members`);
  return (
    <section>
      <h1>{title}</h1>
      <section class="table-scroll" aria-label={title} tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('organisations.members.name')}</th>
              <th scope="col">{t('organisations.members.role')}</th>
              <th scope="col">{t('organisations.members.since')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('organisations.members.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  <br />
                  <small>{m.email}</small>
                </td>
                <td>{t(`organisations.members.role.${m.role}`)}</td>
                <td>{f.date(m.since)}</td>
                <td class="row-actions">
                  <Form action={`${base}/${m.userId}`} class="inline-form">
                    <input type="hidden" name="role" value={m.role === 'admin' ? 'staff' : 'admin'} />
                    <button type="submit" class="button button--secondary">
                      {t(m.role === 'admin' ? 'organisations.members.make-staff' : 'organisations.members.make-admin')}
                    </button>
                  </Form>
                  {m.userId !== actor.userId ? (
                    <Form action={`${base}/${m.userId}`} class="inline-form">
                      <input type="hidden" name="role" value="removed" />
                      <button type="submit" class="button button--secondary">
                        {t('organisations.members.remove')}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>{t('organisations.members.requests')}</h2>
      {claims.length === 0 ? (
        <p>{t('organisations.members.no-requests')}</p>
      ) : (
        <ul class="claims">
          {claims.map((c) => (
            <li key={c.id} class="claim">
              <p>
                <strong>{c.name}</strong> ({c.email}), {f.dateTime(c.createdAt)}
                {c.message ? <>: «{c.message}»</> : null}
              </p>
              <Form action={`${base}/claims/${c.id}`} class="inline-form">
                <input type="hidden" name="decision" value="approve" />
                <button type="submit" class="button">
                  {t('organisations.members.approve')}
                </button>
              </Form>
              <Form action={`${base}/claims/${c.id}`} class="reject-form">
                <input type="hidden" name="decision" value="reject" />
                <label for={`reason-${c.id}`}>{t('organisations.members.reason')}</label>
                <input id={`reason-${c.id}`} name="reason" type="text" />
                <button type="submit" class="button button--secondary">
                  {t('organisations.members.reject')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
