import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/config-error.js';
import { loadConfig } from '../../config/app-config.js';
import { QueueName } from '../queue-names.js';

/** The routing settings as a process reads them at start: WORKER_POOLS and ROUTES_FILE through loadConfig. */
describe('routing settings at start (loadConfig)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routing-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const configError = (env: Record<string, string>): ConfigError => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it('serves pool default without WORKER_POOLS; a list is trimmed and deduplicated in its order', () => {
    expect(loadConfig({}).queue.workerPools).toEqual(['default']);
    expect(loadConfig({ WORKER_POOLS: 'heavy, gpu,heavy' }).queue.workerPools).toEqual(['heavy', 'gpu']);
  });

  it.each(['a:b', 'a b', 'pool/x', 'x'.repeat(41)])('refuses the pool name %j in WORKER_POOLS, naming the variable', (pool) => {
    const error = configError({ WORKER_POOLS: `default,${pool}` });
    expect(error.variable).toBe('WORKER_POOLS');
    expect(error.message).toContain('invalid pool name');
  });

  it('routes with ROUTES_FILE read once at start; a bad file stops loadConfig with a ConfigError', () => {
    const good = join(dir, 'routes.yaml');
    writeFileSync(good, 'rules:\n  - pool: gpu\n    queue: vectorization\n');
    const { routes } = loadConfig({ ROUTES_FILE: good }).queue;
    expect(routes.poolFor({ queue: QueueName.Vectorization, job: 'vectorize-file' })).toBe('gpu');
    expect(routes.poolFor({ queue: QueueName.FileProcessing, job: 'process-file' })).toBe('default');
    expect(loadConfig({}).queue.routes.rules).toEqual([]);

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'rules:\n  - pool: gpu\n    queue: nope\n');
    expect(configError({ ROUTES_FILE: bad }).variable).toBe('ROUTES_FILE');
  });
});
