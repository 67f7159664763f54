import { Form, Submit } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { ImportResult } from '../import-organisations.ts';
import { refusalMessageKey, rowErrorMessageKey } from '../import-organisations.ts';
import { REQUIRED_FIELDS } from '../register-columns.ts';

/** How many row errors the page lists; the rest are counted (the CLI's `--json` gives them all). */
export const ERRORS_SHOWN = 1000;

export type ImportPageState =
  | { kind: 'form'; missingFile?: boolean }
  | { kind: 'refused'; code: string; params: Record<string, string | number> }
  | { kind: 'done'; fileName: string; result: ImportResult };

function ImportResultView({ fileName, result }: { fileName: string; result: ImportResult }) {
  const { t, f } = usePage();
  const shown = result.errors.slice(0, ERRORS_SHOWN);
  return (
    <section class="import-result" aria-labelledby="import-result-heading">
      <h2 id="import-result-heading">{t('organisations.import.result', { file: fileName })}</h2>
      {result.written ? null : (
        <div class="flash flash--error" role="alert">
          {t('organisations.import.nothing-written', { count: result.rejected })}
        </div>
      )}
      <dl class="facts">
        <dt>{t('organisations.import.created')}</dt>
        <dd>{f.number(result.created)}</dd>
        <dt>{t('organisations.import.updated')}</dt>
        <dd>{f.number(result.updated)}</dd>
        <dt>{t('organisations.import.unchanged')}</dt>
        <dd>{f.number(result.unchanged)}</dd>
        <dt>{t('organisations.import.rejected')}</dt>
        <dd>{f.number(result.rejected)}</dd>
      </dl>
      {shown.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption>{t('organisations.import.errors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisations.import.row')}</th>
                <th scope="col">{t('organisations.import.column')}</th>
                <th scope="col">{t('organisations.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={`${e.row}-${e.column}`}>
                  <td>{f.number(e.row)}</td>
                  <td>{result.headers[e.column as keyof ImportResult['headers']] ?? e.column}</td>
                  <td>
                    {t(rowErrorMessageKey(e.code))} <code>{e.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.errors.length > shown.length ? <p>{t('organisations.import.errors-more', { count: result.errors.length - shown.length })}</p> : null}
    </section>
  );
}

/** The administrators' page to import organisations from a CSV or XLSX file, and what an import did. */
export function ImportPage({ state, maxMb }: { state: ImportPageState; maxMb: number }) {
  const { t, href } = usePage();
  return (
    <section>
      <h1>{t('organisations.import.title')}</h1>
      <p>{t('organisations.import.intro')}</p>
      <p>{t('organisations.import.required', { columns: REQUIRED_FIELDS.join(', ') })}</p>
      {state.kind === 'refused' ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2>{t('organisations.import.refused')}</h2>
          <p>{t(refusalMessageKey(state.code), state.params)}</p>
        </div>
      ) : null}
      {state.kind === 'done' ? <ImportResultView fileName={state.fileName} result={state.result} /> : null}
      <Form action={href('/admin/import/organisations')} multipart label={t('organisations.import.title')}>
        <div class={`field${state.kind === 'form' && state.missingFile ? ' field--error' : ''}`}>
          <label for="field-file">{t('organisations.import.file')}</label>
          <p class="hint" id="field-file-hint">
            {t('organisations.import.file-hint', { max: maxMb })}
          </p>
          {state.kind === 'form' && state.missingFile ? (
            <p class="field-error" id="field-file-error">
              {t('organisations.import.no-file')}
            </p>
          ) : null}
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-describedby={state.kind === 'form' && state.missingFile ? 'field-file-hint field-file-error' : 'field-file-hint'}
          />
        </div>
        <div class="field checkbox">
          <input id="field-allOrNothing" name="allOrNothing" type="checkbox" value="yes" aria-describedby="field-allOrNothing-hint" />
          <div>
            <label for="field-allOrNothing">{t('organisations.import.all-or-nothing')}</label>
            <p class="hint" id="field-allOrNothing-hint">
              {t('organisations.import.all-or-nothing-hint')}
            </p>
          </div>
        </div>
        <Submit>{t('organisations.import.submit')}</Submit>
      </Form>
    </section>
  );
}
