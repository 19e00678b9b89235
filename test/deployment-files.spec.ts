import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KNOWN_ENV_VARS } from '../src/infra/config/env.schema.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

interface ComposeService {
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  command?: string[];
}

describe('deployment files', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

  it('sets only environment variables that the config schema knows in our services', () => {
    for (const name of ['api', 'worker']) {
      const unknown = Object.keys(compose.services[name].environment ?? {}).filter((v) => !KNOWN_ENV_VARS.includes(v));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });

  it('has redis with AOF, postgres with pgvector, an api without workers and a worker, each with a healthcheck', () => {
    const { redis, postgres, api, worker } = compose.services;
    expect(redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect((postgres as { image?: string }).image).toMatch(/^pgvector\/pgvector/);
    expect(api.environment?.RUN_WORKERS).toBe('false');
    expect(worker.command).toEqual(['node', 'dist/worker.js']);
    for (const service of [redis, postgres, api, worker]) expect(service.healthcheck?.test).toBeDefined();
  });

  it('never opens CORS to every origin in production (CORS_ORIGINS defaults to none)', () => {
    for (const name of ['api', 'worker']) {
      const cors = compose.services[name].environment?.CORS_ORIGINS ?? '';
      expect({ service: name, cors }).toEqual({ service: name, cors: expect.not.stringMatching(/\*/) });
    }
  });

  it('documents every config variable in .env.example, and nothing else', () => {
    const documented = [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...KNOWN_ENV_VARS].sort());
  });
});
