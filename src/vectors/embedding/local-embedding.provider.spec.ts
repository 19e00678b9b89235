import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode } from '../../../test/support/child-process.js';
import { compileForProcesses } from '../../../test/support/compiled-src.js';
import { type TinyEmbeddingModel, writeTinyEmbeddingModel } from '../../../test/fixtures/tiny-embedding-model.js';
import { dot, l2Normalize } from './vector-math.js';

type ProbeAnswer = { vectors: number[][] } | { error: { name: string; message: string; retryable?: boolean } };

/** Mean of the token rows of [CLS] words… [SEP], normalized: what mean pooling of the tiny model must give. */
function expected(model: TinyEmbeddingModel, words: string[]): number[] {
  const ids = [model.vocab['[CLS]'], ...words.map((w) => model.vocab[w] ?? model.vocab['[UNK]']), model.vocab['[SEP]']];
  const sum = new Array<number>(model.hidden).fill(0);
  for (const id of ids) model.embeddings[id].forEach((v, i) => (sum[i] += v / ids.length));
  return l2Normalize(sum);
}

/**
 * The real provider code (transformers.js + onnxruntime-node) on a tiny ONNX model + tokenizer the test writes
 * itself, offline. It runs in a child Node process: onnxruntime-node's native tensors fail Jest's cross-realm
 * `instanceof Float32Array` check.
 */
describe('LocalEmbeddingProvider (a tiny ONNX model built by the test, offline)', () => {
  let dir: string;
  let model: TinyEmbeddingModel;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docai-onnx-'));
    model = await writeTinyEmbeddingModel(join(dir, 'tiny-embedder'), ['invoice', 'approval', 'volcano', 'lava', 'tea']);
    await compileForProcesses();
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function probe(request: { model: string; dimension: number; texts: string[] }): Promise<ProbeAnswer> {
    const child = startNode('test/fixtures/local-embedding-probe.js', {
      // No network: any attempt to reach the hub would fail the run.
      HF_HUB_OFFLINE: '1',
      PROBE_REQUEST: JSON.stringify({ batchSize: 2, cacheDir: join(dir, 'cache'), ...request }),
    });
    await child.exited;
    const line = child.output().trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(line) as ProbeAnswer;
    } catch {
      throw new Error(`probe printed no JSON:\n${child.output()}`);
    }
  }

  it('loads the folder and mean-pools the token vectors over the attention mask, normalized', async () => {
    // Different lengths across batches and within one: padding must not shift the mean.
    const texts = ['Invoice approval', 'volcano lava tea', 'tea', 'unknown words here'];
    const answer = await probe({ model: model.dir, dimension: 8, texts });
    if (!('vectors' in answer)) throw new Error(JSON.stringify(answer.error));
    const want = [
      expected(model, ['invoice', 'approval']),
      expected(model, ['volcano', 'lava', 'tea']),
      expected(model, ['tea']),
      expected(model, ['unknown', 'words', 'here']),
    ];
    expect(answer.vectors).toHaveLength(4);
    answer.vectors.forEach((v, i) => {
      expect(v).toHaveLength(8);
      expect(dot(v, want[i])).toBeCloseTo(1, 5);
    });
    expect(dot(answer.vectors[0], answer.vectors[1])).toBeLessThan(0.99);
  });

  it('rejects a model whose vectors do not have EMBEDDING_DIMENSION, permanently', async () => {
    const answer = await probe({ model: model.dir, dimension: 16, texts: ['tea'] });
    expect(answer).toMatchObject({ error: { name: 'EmbeddingDimensionMismatchError', retryable: false } });
  });

  it('fails clearly, without retrying, for a folder that is not a model', async () => {
    const answer = await probe({ model: dir, dimension: 8, texts: ['tea'] });
    expect(answer).toMatchObject({ error: { name: 'EmbeddingProviderError', retryable: false } });
    expect(JSON.stringify(answer)).toMatch(/Could not load the local embedding model/);
  });
});
