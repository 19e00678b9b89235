import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, compileForProcesses } from '../../../test/support/compiled-src.js';
import { writeTinyEmbeddingModel } from '../../../test/fixtures/tiny-embedding-model.js';
import { EmbeddingDimensionMismatchError } from '../vectors.errors.js';
import { IsolatedLocalEmbeddingProvider } from './isolated-local-embedding.provider.js';
import { dot } from './vector-math.js';

const CHILD = join(BUILD_DIR, 'src/vectors/embedding/local-embedding.child.js');

/** The local model in capped child processes (compiled child entry, a tiny ONNX model written by the test, offline). */
describe('IsolatedLocalEmbeddingProvider', () => {
  let dir: string;
  const providers: IsolatedLocalEmbeddingProvider[] = [];
  const provider = (dimension: number, memoryLimitMb: number) => {
    const created = new IsolatedLocalEmbeddingProvider(
      { model: join(dir, 'tiny'), dimension, batchSize: 2, cacheDir: join(dir, 'cache') },
      memoryLimitMb,
      CHILD,
    );
    providers.push(created);
    return created;
  };

  beforeAll(async () => {
    process.env.HF_HUB_OFFLINE = '1';
    dir = await mkdtemp(join(tmpdir(), 'docai-onnx-'));
    await writeTinyEmbeddingModel(join(dir, 'tiny'), ['invoice', 'approval', 'volcano', 'lava', 'tea']);
    await compileForProcesses();
  }, 120_000);
  afterAll(async () => {
    for (const p of providers) p.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('embeds in a child process, and again in the same warm child with the same vectors', async () => {
    const embedder = provider(8, 1024);
    const first = await embedder.embed(['invoice approval', 'volcano lava tea', 'tea']);
    expect(first.map((v) => v.length)).toEqual([8, 8, 8]);
    first.forEach((v) => expect(dot(v, v)).toBeCloseTo(1, 5));
    expect(dot(first[0], first[1])).toBeLessThan(0.99);
    expect(await embedder.embed(['tea'])).toEqual([first[2]]);
  }, 60_000);

  it('rejects vectors of another dimension with the same permanent error as in-process', async () => {
    await expect(provider(16, 1024).embed(['tea'])).rejects.toBeInstanceOf(EmbeddingDimensionMismatchError);
  }, 60_000);

  it('fails with RESOURCE_LIMIT when the child passes JOB_MAX_MEMORY_MB, and other batches still run', async () => {
    // Node with ONNX Runtime loaded needs far more than 48 MiB.
    await expect(provider(8, 48).embed(['tea'])).rejects.toThrow(/RESOURCE_LIMIT: local embedding exceeded the memory limit of 48 MiB/);
    expect(await provider(8, 1024).embed(['lava'])).toHaveLength(1);
  }, 60_000);
});
