import { type EmbeddingCacheRepository } from './embedding-cache.repository.js';
import { type EmbeddingProvider } from './embedding-provider.js';
import { EmbeddingService } from './embedding.service.js';

class CountingProvider implements EmbeddingProvider {
  readonly model = 'counting';
  readonly dimension = 2;
  embedded: string[] = [];
  constructor(readonly cacheable: boolean) {}
  async embed(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return texts.map((t) => [t.length, 1]);
  }
}

class MemoryCache {
  readonly rows = new Map<string, number[]>();
  async find(model: string, dimension: number, keys: string[]): Promise<Map<string, number[]>> {
    const found = new Map<string, number[]>();
    for (const key of keys) {
      const row = this.rows.get(`${model}/${dimension}/${key}`);
      if (row) found.set(key, row);
    }
    return found;
  }
  async save(model: string, dimension: number, entries: { textSha256: string; embedding: number[] }[]): Promise<void> {
    for (const e of entries) this.rows.set(`${model}/${dimension}/${e.textSha256}`, e.embedding);
  }
}

describe('EmbeddingService', () => {
  it('embeds each distinct uncached text once and serves repeats from the cache', async () => {
    const provider = new CountingProvider(true);
    const cache = new MemoryCache();
    const service = new EmbeddingService(provider, cache as unknown as EmbeddingCacheRepository);

    const first = await service.embed(['a', 'bb', 'a']);
    expect(first).toEqual([[1, 1], [2, 1], [1, 1]]);
    expect(provider.embedded).toEqual(['a', 'bb']);

    const second = await service.embed(['bb', 'ccc', 'a']);
    expect(second).toEqual([[2, 1], [3, 1], [1, 1]]);
    expect(provider.embedded).toEqual(['a', 'bb', 'ccc']);
    expect(cache.rows.size).toBe(3);
  });

  it('skips the cache for a provider that is cheaper than a look-up', async () => {
    const provider = new CountingProvider(false);
    const cache = new MemoryCache();
    const service = new EmbeddingService(provider, cache as unknown as EmbeddingCacheRepository);
    await service.embed(['a']);
    await service.embed(['a']);
    expect(provider.embedded).toEqual(['a', 'a']);
    expect(cache.rows.size).toBe(0);
  });

  it('returns nothing for no texts without calling the provider', async () => {
    const provider = new CountingProvider(true);
    const service = new EmbeddingService(provider, new MemoryCache() as unknown as EmbeddingCacheRepository);
    expect(await service.embed([])).toEqual([]);
    expect(provider.embedded).toEqual([]);
  });
});
