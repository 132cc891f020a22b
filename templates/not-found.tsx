import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { Layout } from './layout.tsx';

export function NotFoundPage({ context }: { context: SiteContext }) {
  return (
    <Layout context={context} meta={{ title: 'Strani ni mogoče najti', description: 'Strani, ki ste jo iskali, v arhivu ni.', url: urls.notFound(), noindex: true }}>
      <h1>Strani ni mogoče najti</h1>
      <p>Strani, ki ste jo iskali, v arhivu ni. Morda je bil naslov napačno vpisan ali pa je bil članek umaknjen.</p>
      <ul>
        <li>
          <a href={urls.home()}>Najnovejši članki</a>
        </li>
        <li>
          <a href={urls.people()}>Vse osebe v arhivu</a>
        </li>
      </ul>
    </Layout>
  );
}
