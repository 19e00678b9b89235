import { createTestApp, type TestApp } from './support/test-app.js';

const SITE = 'https://app.example.com';
const EVIL = 'https://evil.example.net';

/** A preflight and a simple cross-origin GET from `origin`: the CORS headers the API answers with. */
async function corsHeaders(t: TestApp, origin: string) {
  const preflight = await t
    .http()
    .options('/api/v1/auth/me')
    .set('origin', origin)
    .set('access-control-request-method', 'GET')
    .set('access-control-request-headers', 'authorization');
  const simple = await t.http().get('/health/live').set('origin', origin);
  return {
    preflightOrigin: preflight.headers['access-control-allow-origin'] as string | undefined,
    origin: simple.headers['access-control-allow-origin'] as string | undefined,
    credentials: simple.headers['access-control-allow-credentials'] as string | undefined,
  };
}

describe('CORS (e2e)', () => {
  const apps: TestApp[] = [];
  const boot = async (env: Record<string, string>) => {
    const t = await createTestApp({ RUN_WORKERS: 'false', ...env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('allows no cross-origin access by default', async () => {
    const t = await boot({});
    expect(await corsHeaders(t, EVIL)).toEqual({ preflightOrigin: undefined, origin: undefined, credentials: undefined });
  });

  it('allows exactly the listed origins, with credentials', async () => {
    const t = await boot({ CORS_ORIGINS: `${SITE}, https://admin.example.com` });
    expect(await corsHeaders(t, SITE)).toEqual({ preflightOrigin: SITE, origin: SITE, credentials: 'true' });
    const evil = await corsHeaders(t, EVIL);
    expect([evil.preflightOrigin, evil.origin]).toEqual([undefined, undefined]);
  });

  it('answers * to any origin, never with credentials', async () => {
    const t = await boot({ CORS_ORIGINS: '*' });
    expect(await corsHeaders(t, EVIL)).toEqual({ preflightOrigin: '*', origin: '*', credentials: undefined });
  });
});
