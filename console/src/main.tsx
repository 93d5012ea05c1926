import { render } from 'preact';
import { Link, useRoute } from './router.js';
import { ApiPage, ApisPage } from './pages/apis.js';
import { FunctionPage, FunctionsPage } from './pages/functions.js';
import { OverviewPage } from './pages/overview.js';
import { IdentityPage, PoolPage, PoolsPage } from './pages/pools.js';
import { RequestPage } from './pages/request.js';
import { RequestsPage } from './pages/requests.js';
import { RolePage, RolesPage } from './pages/roles.js';
import { RunsPage } from './pages/runs.js';
import './style.css';

const sections: Array<[string, string]> = [
  ['/', 'Overview'],
  ['/pools', 'Identity pools'],
  ['/roles', 'Roles'],
  ['/apis', 'APIs'],
  ['/functions', 'Functions'],
  ['/requests', 'Requests'],
  ['/runs', 'Contract runs'],
];

function page(path: string, query: URLSearchParams) {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [section, id, sub] = parts;
  if (!section) return <OverviewPage />;
  if (section === 'pools' && !id) return <PoolsPage />;
  if (section === 'pools' && !sub) return <PoolPage poolId={id} query={query} />;
  if (section === 'identities' && id) return <IdentityPage identityId={id} />;
  if (section === 'roles' && !id) return <RolesPage />;
  if (section === 'roles') return <RolePage roleName={id} />;
  if (section === 'apis' && !id) return <ApisPage />;
  if (section === 'apis') return <ApiPage apiId={id} />;
  if (section === 'functions' && !id) return <FunctionsPage />;
  if (section === 'functions') return <FunctionPage name={id} />;
  if (section === 'requests' && !id) return <RequestsPage query={query} />;
  if (section === 'requests') return <RequestPage requestId={id} />;
  if (section === 'runs') return <RunsPage />;
  return (
    <>
      <h1>Not found</h1>
      <p>
        The console has no page at <code>{path}</code>. <Link to="/">Back to the overview</Link>.
      </p>
    </>
  );
}

function App() {
  const { path, query } = useRoute();
  const section = `/${path.split('/')[1] ?? ''}`;
  const current = section === '/identities' ? '/pools' : section;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <span class="brand">idpool console</span>
        <nav aria-label="Sections">
          <ul>
            {sections.map(([to, label]) => (
              <li key={to}>
                <Link to={to} current={current === to}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {page(path, query)}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
