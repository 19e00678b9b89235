import { useState } from 'preact/hooks';
import { errorMessage } from '../format';
import type { Session } from '../session';

export function LoginView({ session }: { session: Session }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <main class="login">
      <form
        aria-labelledby="login-title"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          session
            .login(email, password)
            .catch((reason: unknown) => setError(errorMessage(reason)))
            .finally(() => setBusy(false));
        }}
      >
        <h1 id="login-title">Queue monitor</h1>
        <p class="hint">Sign in with an admin account.</p>
        <label>
          Email
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} autofocus />
        </label>
        <label>
          Password
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
