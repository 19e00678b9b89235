import { ApiError, createApiClient, unwrap, type ApiClient, type Schemas } from '../../client/api-client';

type TokenPair = Schemas['TokenPairDto'];
export type User = Schemas['UserDto'];

const STORAGE_KEY = 'docai-monitor-session';
/** Refresh a minute before the access token expires (or at 80 % of its life when it lives under five minutes). */
const REFRESH_MARGIN_MS = 60_000;

interface Stored {
  tokens: TokenPair;
  user: User;
  issuedAt: number;
}

/**
 * The signed-in admin: tokens from the app's own login, kept in sessionStorage (gone with the tab), refreshed before
 * they expire; a failed refresh or a revoked token signs out.
 */
export class Session {
  readonly api: ApiClient = createApiClient({ accessToken: () => this.stored?.tokens.access_token });
  private stored: Stored | undefined = load();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.api.use({
      onResponse: async ({ response }) => {
        if (response.status === 401 && this.stored) await this.onUnauthorized(response.clone());
        return response;
      },
    });
    if (this.stored) this.scheduleRefresh();
  }

  get user(): User | undefined {
    return this.stored?.user;
  }

  accessToken(): string | undefined {
    return this.stored?.tokens.access_token;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(email: string, password: string): Promise<void> {
    const tokens = unwrap(await this.api.POST('/api/v1/auth/login', { body: { email, password } }));
    const user = unwrap(
      await this.api.GET('/api/v1/auth/me', { headers: { Authorization: `Bearer ${tokens.access_token}` } }),
    );
    if (user.role !== 'admin') {
      await this.api.POST('/api/v1/auth/logout', { headers: { Authorization: `Bearer ${tokens.access_token}` } });
      throw new ApiError(403, 'FORBIDDEN', 'The monitoring panel is for admins only');
    }
    this.save({ tokens, user, issuedAt: Date.now() });
  }

  async logout(): Promise<void> {
    if (this.stored) await this.api.POST('/api/v1/auth/logout').catch(() => undefined);
    this.save(undefined);
  }

  async refresh(): Promise<void> {
    const current = this.stored;
    if (!current) return;
    try {
      const tokens = unwrap(
        await this.api.POST('/api/v1/auth/refresh', { body: { refresh_token: current.tokens.refresh_token } }),
      );
      this.save({ ...current, tokens, issuedAt: Date.now() });
    } catch {
      this.save(undefined);
    }
  }

  private async onUnauthorized(response: Response): Promise<void> {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
    if (body?.error?.code === 'TOKEN_EXPIRED') await this.refresh();
    else this.save(undefined); // revoked, invalid: sign in again
  }

  private save(stored: Stored | undefined): void {
    this.stored = stored;
    if (stored) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    else sessionStorage.removeItem(STORAGE_KEY);
    this.scheduleRefresh();
    for (const listener of this.listeners) listener();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    if (!this.stored) return;
    const lifeMs = this.stored.tokens.expires_in * 1000;
    const refreshAt = this.stored.issuedAt + lifeMs - Math.min(REFRESH_MARGIN_MS, lifeMs / 5);
    const due = Math.max(1000, refreshAt - Date.now());
    this.refreshTimer = setTimeout(() => void this.refresh(), due);
  }
}

function load(): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}
