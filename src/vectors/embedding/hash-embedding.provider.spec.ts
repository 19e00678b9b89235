import { dot } from './vector-math.js';
import { HashEmbeddingProvider } from './hash-embedding.provider.js';

describe('HashEmbeddingProvider', () => {
  const provider = new HashEmbeddingProvider(384);

  it('returns one unit vector of the configured dimension per text', async () => {
    const vectors = await provider.embed(['The quick brown fox', 'jumps over the lazy dog', '']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 6);
    }
  });

  it('is deterministic across instances', async () => {
    const other = new HashEmbeddingProvider(384);
    expect(await other.embed(['Invoices are approved by finance'])).toEqual(
      await provider.embed(['Invoices are approved by finance']),
    );
  });

  it('honours another dimension', async () => {
    const [v] = await new HashEmbeddingProvider(1024).embed(['hello world']);
    expect(v).toHaveLength(1024);
  });

  it('ignores case, accents and punctuation', async () => {
    const [a] = await provider.embed(['Café SOCIETY!']);
    const [b] = await provider.embed(['cafe society']);
    expect(dot(a, b)).toBeCloseTo(1, 6);
  });

  it('scores texts sharing words above unrelated texts', async () => {
    const [query, related, unrelated] = await provider.embed([
      'volcano eruption lava',
      'The volcano eruption sent lava down the mountain slopes.',
      'Quarterly revenue grew thanks to subscription sales.',
    ]);
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('gives a text of only stopwords or symbols a non-zero vector', async () => {
    const [v] = await provider.embed(['?!']);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 6);
  });

  it('scores a Chinese passage sharing words with a Chinese query above an unrelated Chinese passage', async () => {
    const [query, related, unrelated] = await provider.embed([
      '資料庫備份多久執行一次',
      '系統每天凌晨兩點自動執行資料庫備份，備份檔保留三十天。',
      '新進員工到職第一天需要領取門禁卡並完成安全訓練。',
    ]);
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('gives the same vector to a text in Traditional and in Simplified characters', async () => {
    const [traditional, simplified] = await provider.embed(['資料庫備份與還原', '数据库备份与还原']);
    expect(dot(traditional, simplified)).toBeCloseTo(1, 6);
  });

  it('finds a mixed Chinese/English passage by its English words and by its Chinese words', async () => {
    const [mixed, english, chinese, other] = await provider.embed([
      '使用 Redis Cluster 時，每個節點都需要開放 gossip 連接埠。',
      'Redis Cluster gossip port',
      '節點連接埠',
      'PostgreSQL 的備份排程設定。',
    ]);
    expect(dot(english, mixed)).toBeGreaterThan(dot(english, other) + 0.2);
    expect(dot(chinese, mixed)).toBeGreaterThan(dot(chinese, other) + 0.1);
  });
});
