import { type FormEvent, useState } from 'react';
import type { Session } from './api.js';

/** Paste a token, or (embedded mode on loopback) pick one of the dev principals. */
export function SignIn({ principals, onSignIn }: { principals: Session['principals']; onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };
  return (
    <section aria-labelledby="sign-in">
      <h2 id="sign-in">Sign in</h2>
      <form onSubmit={submit}>
        <label htmlFor="token">Token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} />
        <button type="submit">Sign in</button>
      </form>
      {principals.length > 0 && (
        <>
          <h3>Demo principals</h3>
          <ul className="principals">
            {principals.map((principal) => (
              <li key={principal.name}>
                <button type="button" onClick={() => onSignIn(principal.token)}>
                  Sign in as {principal.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
