/**
 * The synthetic corpus of the vectors benchmarks (vectors.ts, vectors-tuning.ts): deterministic topic-clustered
 * 60-word chunks over a 5,000-word vocabulary, 100 chunks a file, 10 owners (owner 0 with 1% of the files), and
 * 3-word topic queries.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { HashEmbeddingProvider } from '../../src/vectors/embedding/hash-embedding.provider.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { type HnswBuildParameters, VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { type NewChunkVectorRow } from '../../src/vectors/vectors.schema.js';

export const DIMENSION = 384;
export const CHUNKS_PER_FILE = 100;
export const OWNERS = 10;
const LOAD_BATCH = 1000;

// A deterministic pseudo-random text generator over a 5,000-word vocabulary (Zipf-like word frequencies).
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'shi', 'vo', 'pe', 'zu', 'an', 'el', 'or', 'is', 'um'];
const vocabulary = Array.from({ length: 5000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
);
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
// Documents are about something: each file has a topic of 200 words; half of its chunks' words come from it, and a
// query is three words of one topic (uniformly random bags of words are the worst case of a graph index).
const TOPIC_WORDS = 200;
const topics = Array.from({ length: 50 }, () => Array.from({ length: TOPIC_WORDS }, word));
export const topicOf = (file: number) => topics[file % topics.length];
const topicWord = (topic: string[]) => topic[Math.floor(TOPIC_WORDS * random() ** 2)];
export const topicPassage = (topic: string[], words: number) =>
  Array.from({ length: words }, () => (random() < 0.5 ? topicWord(topic) : word())).join(' ');
export const topicQuery = () => {
  const topic = topics[Math.floor(random() * topics.length)];
  return [topicWord(topic), topicWord(topic), topicWord(topic)].join(' ');
};

export const provider = new HashEmbeddingProvider(DIMENSION);

/** Owner 0 holds 1% of the files (at least one); the others share the rest. */
export function ownerOf(file: number, files: number, owners: string[]): string {
  const small = Math.max(1, Math.round(files / 100));
  return file < small ? owners[0] : owners[1 + (file % (OWNERS - 1))];
}

export function fileIdOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function percentiles(values: number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

export async function timed<T>(run: () => Promise<T>, into: number[]): Promise<T> {
  const start = performance.now();
  const result = await run();
  into.push(performance.now() - start);
  return result;
}

/** Embeds and bulk-stores `size` chunks (no index). Returns the time spent embedding and storing, in ms. */
export async function loadCorpus(
  vectors: VectorsRepository,
  size: number,
  owners: string[],
): Promise<{ embedMs: number; storeMs: number }> {
  const files = Math.ceil(size / CHUNKS_PER_FILE);
  let embedMs = 0;
  let storeMs = 0;
  for (let done = 0; done < size; done += LOAD_BATCH) {
    const count = Math.min(LOAD_BATCH, size - done);
    const texts = Array.from({ length: count }, (_, i) => topicPassage(topicOf(Math.floor((done + i) / CHUNKS_PER_FILE)), 60));
    let t = performance.now();
    const embeddings = await provider.embed(texts);
    embedMs += performance.now() - t;
    const rows: NewChunkVectorRow[] = texts.map((text, i) => {
      const file = Math.floor((done + i) / CHUNKS_PER_FILE);
      return {
        chunkId: randomUUID(),
        fileId: fileIdOf(file),
        ownerId: ownerOf(file, files, owners),
        model: provider.model,
        dimension: DIMENSION,
        embedding: embeddings[i],
        chunkIndex: (done + i) % CHUNKS_PER_FILE,
        text,
      };
    });
    t = performance.now();
    await vectors.insertVectors(rows, 500);
    storeMs += performance.now() - t;
  }
  return { embedMs, storeMs };
}

/** Builds the HNSW index on one connection with room for the graph in memory (a pool would spread the SET). */
export async function buildIndex(pool: pg.Pool, build?: HnswBuildParameters): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`set maintenance_work_mem = '1GB'`).catch(() => undefined);
    await new VectorsRepository(drizzle({ client })).ensureHnswIndex(DIMENSION, build);
  } finally {
    client.release();
  }
}
