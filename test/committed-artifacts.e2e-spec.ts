import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CLIENT_SCHEMA_FILE,
  firstDifference,
  OPENAPI_FILE,
  renderClientSchema,
  renderOpenApi,
} from '../scripts/openapi/openapi-artifacts.js';
import { PROJECT_ROOT } from './support/compiled-src.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REGENERATE = 'run `npm run openapi` and commit openapi.json and web/client/api-schema.ts';

/**
 * Files committed for others (the frontend's OpenAPI document and typed client, the Grafana dashboard) must match
 * what the app serves: every route, DTO or metric change shows in review.
 */
describe('committed OpenAPI document, typed client schema and Grafana dashboard', () => {
  let system: TestApp;
  let served: unknown;

  beforeAll(async () => {
    system = await createTestApp({ RUN_WORKERS: 'false' });
    served = (await system.http().get('/docs-json').expect(200)).body;
  });
  afterAll(() => system?.close());

  it(`openapi.json is the document the app serves (else ${REGENERATE})`, async () => {
    const committed = await readFile(join(PROJECT_ROOT, OPENAPI_FILE), 'utf8');
    expect(firstDifference(committed, renderOpenApi(served))).toBeUndefined();
  });

  it(`web/client/api-schema.ts is generated from that document (else ${REGENERATE})`, async () => {
    const committed = await readFile(join(PROJECT_ROOT, CLIENT_SCHEMA_FILE), 'utf8');
    expect(firstDifference(committed, await renderClientSchema(served))).toBeUndefined();
  });

  it('describes the success envelope of a route whose DTO is only its data', () => {
    const login = (served as { paths: Record<string, { post: { responses: Record<string, unknown> } }> }).paths[
      '/api/v1/auth/login'
    ].post.responses['200'];
    expect(login).toMatchObject({
      content: {
        'application/json': {
          schema: { required: ['success', 'data', 'message'], properties: { data: { $ref: '#/components/schemas/TokenPairDto' } } },
        },
      },
    });
  });

  it('the Grafana dashboard reads only metrics that /metrics exposes', async () => {
    const exposition = (await system.http().get('/metrics').expect(200)).text;
    const exposed = new Set([...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => m[1]));
    const dashboard = JSON.parse(await readFile(join(PROJECT_ROOT, 'deploy/grafana/queue-monitor.dashboard.json'), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\b((?:rq|process)_[a-z_]+)/g)].map((m) => m[1])));
    expect(used.length).toBeGreaterThan(10);
    const missing = [...new Set(used)].filter((name) => !exposed.has(name.replace(/_(bucket|sum|count)$/, '')));
    expect(missing).toEqual([]);
  });
});
