import { useEffect, useMemo, useState } from 'react';
import { Gantry, loadSession, type Session } from './api.js';
import { Catalogue, CatalogueImage } from './Catalogue.js';
import { ContainerPage } from './ContainerPage.js';
import { CiImagePage, VmImagePage } from './ImagePage.js';
import { Images } from './Images.js';
import { href, type Route, type Section, useRoute } from './route.js';
import { Search } from './Search.js';
import { ServerlessCreate, ServerlessPage } from './ServerlessPage.js';
import { SignIn } from './SignIn.js';
import { Workloads } from './Workloads.js';

/** The tab's token lives in session storage: gone with the tab, never in the page or a URL. */
const TOKEN_KEY = 'gantry-console-token';

const NAVIGATION: Array<{ section: Section; label: string; covers: Section[] }> = [
  { section: 'workloads', label: 'Workloads', covers: ['workloads', 'containers', 'serverless'] },
  { section: 'images', label: 'Images', covers: ['images', 'vm-images', 'ci-images'] },
  { section: 'catalogue', label: 'Catalogue', covers: ['catalogue'] },
];

/** The page a route names; `key` starts each object's page afresh (its streams, its form). */
function Page({ gantry, route }: { gantry: Gantry; route: Route }) {
  const { section, id } = route;
  if (id && section === 'containers') return <ContainerPage key={id} gantry={gantry} id={id} />;
  if (id && section === 'vm-images') return <VmImagePage key={id} gantry={gantry} id={id} />;
  if (id && section === 'ci-images') return <CiImagePage key={id} gantry={gantry} id={id} />;
  if (id && section === 'catalogue') return <CatalogueImage key={id} gantry={gantry} id={id} />;
  if (id === 'new' && section === 'serverless') return <ServerlessCreate gantry={gantry} />;
  if (id && section === 'serverless') return <ServerlessPage key={id} gantry={gantry} id={id} />;
  if (section === 'images') return <Images gantry={gantry} />;
  if (section === 'catalogue') return <Catalogue gantry={gantry} />;
  return <Workloads gantry={gantry} />;
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session>();
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  useEffect(() => {
    void loadSession().then(setSession);
  }, []);
  const gantry = useMemo(() => (token && session ? new Gantry(token, session.trustedDocuments) : undefined), [token, session]);
  useEffect(() => () => gantry?.close(), [gantry]);

  const signIn = (value: string) => {
    sessionStorage.setItem(TOKEN_KEY, value);
    setToken(value);
  };
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken('');
  };

  return (
    <>
      <header>
        <h1>Gantry Console</h1>
        {gantry && (
          <nav aria-label="Sections" className="sections">
            <ul>
              {NAVIGATION.map((item) => (
                <li key={item.section}>
                  <a href={href(item.section)} aria-current={item.covers.includes(route.section) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {gantry && <Search gantry={gantry} />}
        {gantry && (
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        )}
      </header>
      <main>
        {!session ? (
          <p role="status">Loading…</p>
        ) : !gantry ? (
          <SignIn principals={session.principals} onSignIn={signIn} />
        ) : (
          <Page gantry={gantry} route={route} />
        )}
      </main>
    </>
  );
}
