import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout } from './layout.tsx';
import { type PageContext, PageContextProvider } from './page-context.ts';

export function renderPage(ctx: PageContext, title: string, body: VNode): string {
  return `<!doctype html>${renderToString(
    <PageContextProvider.Provider value={ctx}>
      <Layout title={title}>{body}</Layout>
    </PageContextProvider.Provider>,
  )}`;
}

/** A piece of a page for htmx to swap in, rendered with the same context as a full page. */
export function renderFragment(ctx: PageContext, body: VNode): string {
  return renderToString(<PageContextProvider.Provider value={ctx}>{body}</PageContextProvider.Provider>);
}
