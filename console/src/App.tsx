import { useEffect, useMemo, useState } from 'react';
import { Gantry, loadSession, type Session } from './api.js';
import { ContainerPage } from './ContainerPage.js';
import { Search } from './Search.js';
import { SignIn } from './SignIn.js';
import { Workloads } from './Workloads.js';

/** The tab's token lives in session storage: gone with the tab, never in the page or a URL. */
const TOKEN_KEY = 'gantry-console-token';

/** The page the hash names: `#/containers/<id>`, else the workloads. */
function readRoute(): { container?: string } {
  const match = /^#\/containers\/(.+)$/.exec(location.hash);
  return match ? { container: decodeURIComponent(match[1]!) } : {};
}

function useRoute(): { container?: string } {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
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
        ) : route.container ? (
          <ContainerPage key={route.container} gantry={gantry} id={route.container} />
        ) : (
          <Workloads gantry={gantry} />
        )}
      </main>
    </>
  );
}
