/**
 * Retrieval quality of the three search modes on a labeled set (scripts/bench/retrieval-set.ts: 176 passages in
 * groups of four on one subject, 100 queries: exact words, paraphrases, Chinese), default hash provider, embedded
 * PGlite. Prints MRR@10 and recall@10 per query kind and mode, side by side.
 *   npm run bench -- retrieval
 */
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import { HashEmbeddingProvider } from '../../src/vectors/embedding/hash-embedding.provider.js';
import { SEARCH_MODES, type SearchMode } from '../../src/vectors/vector-search.service.js';
import { VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { PASSAGE_GROUPS, QUERIES, type QueryKind } from './retrieval-set.js';
import { benchSearchService } from './search-service.js';

const TOP_K = 10;
const provider = new HashEmbeddingProvider(384);
const embedded = await resolveDatabase(loadConfig({ EMBEDDED_DB_PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/docai-bench' }));
const pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
try {
  await runMigrations(pool);
  const db = drizzle({ client: pool });
  const vectors = new VectorsRepository(db);
  await vectors.ensureHnswIndex(384);
  const owner = { id: randomUUID(), email: 'bench@example.com', role: 'user' as const };

  // One file per group, one chunk per passage; the chunk id of every passage, by its "group#index" label.
  const chunkOf = new Map<string, string>();
  let passages = 0;
  for (const [group, texts] of Object.entries(PASSAGE_GROUPS)) {
    const fileId = randomUUID();
    const embeddings = await provider.embed(texts);
    const rows = texts.map((text, i) => {
      const chunkId = randomUUID();
      chunkOf.set(`${group}#${i}`, chunkId);
      return { chunkId, fileId, ownerId: owner.id, model: provider.model, dimension: 384, embedding: embeddings[i], chunkIndex: i, text };
    });
    await vectors.replaceFileVectors(fileId, rows);
    passages += rows.length;
  }

  const search = benchSearchService(db, provider);
  const kinds: QueryKind[] = ['exact', 'paraphrase', 'chinese'];
  const totals = new Map<string, { reciprocalRank: number; found: number; queries: number }>();
  for (const [kind, query, answer] of QUERIES) {
    const expected = chunkOf.get(answer);
    if (!expected) throw new Error(`query "${query}" names an unknown passage ${answer}`);
    for (const mode of SEARCH_MODES) {
      const { results } = await search.search(owner, { query, topK: TOP_K, mode });
      const rank = results.findIndex((r) => r.chunk_id === expected) + 1;
      for (const key of [`${kind}:${mode}`, `all:${mode}`]) {
        const total = totals.get(key) ?? { reciprocalRank: 0, found: 0, queries: 0 };
        total.reciprocalRank += rank > 0 ? 1 / rank : 0;
        total.found += rank > 0 ? 1 : 0;
        total.queries += 1;
        totals.set(key, total);
      }
    }
  }

  console.log(`retrieval benchmark: ${passages} passages, ${QUERIES.length} queries, hash provider 384-d, PGlite, top ${TOP_K}`);
  console.log(`${'queries'.padEnd(18)} ${SEARCH_MODES.map((m) => `${m} MRR@10 / R@10`.padEnd(24)).join(' ')}`);
  for (const kind of [...kinds, 'all']) {
    const cells = SEARCH_MODES.map((mode: SearchMode) => {
      const t = totals.get(`${kind}:${mode}`)!;
      return `${(t.reciprocalRank / t.queries).toFixed(3)} / ${(t.found / t.queries).toFixed(3)}`.padEnd(24);
    });
    const count = totals.get(`${kind}:vector`)!.queries;
    console.log(`${`${kind} (${count})`.padEnd(18)} ${cells.join(' ')}`);
  }
} finally {
  await pool.end();
  await embedded.stop();
}
