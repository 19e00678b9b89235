/**
 * Parse + chunk + embed (default `hash` provider) throughput of Chinese and Japanese text next to English, in one run
 * on the same machine: MiB/s of the file's bytes and thousands of characters per second (a CJK character is 3 bytes
 * of UTF-8, a Latin one 1, so both figures are printed), and the ratio to English. Also the decoding cost of the
 * same Chinese text saved as Big5 and GB18030. Prints figures; asserts nothing.
 *   node scripts/bench/run.mjs cjk-text [megabytes=4]
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { TextChunker } from '../../src/files/chunking/text-chunker.js';
import { DocumentParser } from '../../src/files/parsing/document-parser.js';
import { HELD_OUT_TEXTS, UNSEEN_TEXTS } from '../../src/graph/extractors/testing/held-out-corpus.js';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { HashEmbeddingProvider } from '../../src/vectors/embedding/hash-embedding.provider.js';
import { log, MIB } from './bench-util.js';

const megabytes = Number(process.argv[2] ?? 4);
// Run from the project's root (npm run bench, node scripts/bench/run.mjs).
const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures/cjk', name), 'utf8');

/** Repeats the sample (paragraphs numbered so chunks differ) up to about `bytes` of UTF-8. */
function corpus(sample: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const part = `${n}\n\n${sample}\n\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

interface Figures {
  mib: number;
  chars: number;
  seconds: { parse: number; chunk: number; embed: number };
  chunks: number;
}

async function measure(dir: string, name: string, bytes: Buffer, chars: number): Promise<Figures> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const parser = new DocumentParser();
  const chunker = new TextChunker(loadConfig({}));
  const embedder = new HashEmbeddingProvider(384);
  const seconds = { parse: 0, chunk: 0, embed: 0 };
  let chunks = 0;
  let mark = performance.now();
  const lap = (phase: keyof Figures['seconds']) => {
    const now = performance.now();
    seconds[phase] += (now - mark) / 1000;
    mark = now;
  };
  const pages = (await parser.parse(path, 'txt')).pages;
  lap('parse');
  for await (const batch of chunker.chunkBatches(pages, { format: 'txt' })) {
    lap('chunk');
    await embedder.embed(batch.map((c) => c.text));
    chunks += batch.length;
    lap('embed');
  }
  return { mib: bytes.length / MIB, chars, seconds, chunks };
}

function line(label: string, f: Figures, baseline?: Figures): string {
  const total = f.seconds.parse + f.seconds.chunk + f.seconds.embed;
  const mibPerS = f.mib / total;
  const kcharsPerS = f.chars / total / 1000;
  const ratio = baseline ? ` (${(kcharsPerS / (baseline.chars / sum(baseline) / 1000)).toFixed(2)}x English chars/s)` : '';
  return (
    `${label.padEnd(26)} ${f.mib.toFixed(1)} MiB, ${f.chunks} chunks: parse ${f.seconds.parse.toFixed(2)} s, ` +
    `chunk ${f.seconds.chunk.toFixed(2)} s, embed ${f.seconds.embed.toFixed(2)} s = ${mibPerS.toFixed(2)} MiB/s, ` +
    `${kcharsPerS.toFixed(0)} kchars/s${ratio}`
  );
}

const sum = (f: Figures) => f.seconds.parse + f.seconds.chunk + f.seconds.embed;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-cjk-'));
  try {
    const bytes = megabytes * MIB;
    const english = corpus([...HELD_OUT_TEXTS, ...UNSEEN_TEXTS].map((t) => t.text).join('\n\n'), bytes);
    const traditional = corpus(fixture('guide.zh-Hant.md'), bytes);
    const simplified = corpus(fixture('news.zh-Hans.txt'), bytes);
    const japanese = corpus(fixture('story.ja.txt'), bytes);
    const charsOf = (text: string) => Array.from(text).length;
    // Warm the tokenizer, the segmenter and OpenCC once, outside the measurements.
    await measure(dir, 'warm.txt', Buffer.from(traditional.slice(0, 20_000) + english.slice(0, 20_000)), 0);

    const en = await measure(dir, 'en.txt', Buffer.from(english), charsOf(english));
    log(line('English (UTF-8)', en));
    log(line('Traditional Chinese (UTF-8)', await measure(dir, 'zh-hant.txt', Buffer.from(traditional), charsOf(traditional)), en));
    log(line('Simplified Chinese (UTF-8)', await measure(dir, 'zh-hans.txt', Buffer.from(simplified), charsOf(simplified)), en));
    log(line('Japanese (UTF-8)', await measure(dir, 'ja.txt', Buffer.from(japanese), charsOf(japanese)), en));
    log(line('Traditional Chinese (Big5)', await measure(dir, 'big5.txt', iconv.encode(traditional, 'big5'), charsOf(traditional)), en));
    log(line('Traditional (GB18030)', await measure(dir, 'gb.txt', iconv.encode(traditional, 'gb18030'), charsOf(traditional)), en));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
