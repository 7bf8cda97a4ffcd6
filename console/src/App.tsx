import { useEffect, useMemo, useState } from 'react';
import { Gantry, loadSession, type Session } from './api.js';
import { SignIn } from './SignIn.js';
import { Workloads } from './Workloads.js';

/** The tab's token lives in session storage: gone with the tab, never in the page or a URL. */
const TOKEN_KEY = 'gantry-console-token';

export function App() {
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
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        )}
      </header>
      <main>
        {!session ? <p role="status">Loading…</p> : gantry ? <Workloads gantry={gantry} /> : <SignIn principals={session.principals} onSignIn={signIn} />}
      </main>
    </>
  );
}
