/**
 * Parse + chunk throughput of plain text, and the process's peak RSS while doing it (the chunker must keep memory
 * bounded whatever the file size). Prints figures; asserts nothing.
 *   node scripts/bench/run.mjs chunking [megabytes=20]
 *   node --expose-gc scripts/bench/run.mjs chunking 100   (also prints the live heap after GC)
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { TextChunker } from '../../src/files/chunking/text-chunker.js';
import { DocumentParser } from '../../src/files/parsing/document-parser.js';

const megabytes = Number(process.argv[2] ?? 20);
const words = 'the quarterly revenue of each business unit changed after the merger with its partner in the region'.split(' ');

async function writeText(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const sentences = Array.from({ length: 6 }, () => {
      n += 1;
      return `Paragraph ${n}: ` + Array.from({ length: 18 }, (_, i) => words[(n * 7 + i * 3) % words.length]).join(' ') + '.';
    });
    const paragraph = sentences.join(' ') + '\n\n';
    written += Buffer.byteLength(paragraph);
    if (!out.write(paragraph)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-chunking-'));
  const path = join(dir, 'large.txt');
  try {
    await writeText(path, megabytes * 1024 * 1024);
    const size = (await stat(path)).size;
    const parser = new DocumentParser();
    const chunker = new TextChunker(loadConfig({}));
    chunker.countTokens('warm up the encoder');
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let peakLiveHeap = 0;
    let batches = 0;
    let chunks = 0;
    let tokens = 0;
    const started = performance.now();
    for await (const batch of chunker.chunkBatches(parser.pages(path, 'txt'), { format: 'txt' })) {
      chunks += batch.length;
      for (const chunk of batch) tokens += chunk.token_count;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      batches += 1;
      if (global.gc && batches % 5 === 0) {
        global.gc();
        peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const mb = size / 1024 / 1024;
    console.log(`text: ${mb.toFixed(1)} MiB -> ${chunks} chunks, ${tokens} tokens (avg ${(tokens / chunks).toFixed(0)}/chunk)`);
    console.log(`parse+chunk: ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(2)} MiB/s`);
    if (global.gc) console.log(
        `live heap after GC: ${(heapBefore / 2 ** 20).toFixed(0)} MiB before, peak ${(peakLiveHeap / 2 ** 20).toFixed(0)} MiB while chunking`,
      );
    console.log(`RSS before ${(rssBefore / 2 ** 20).toFixed(0)} MiB, peak ${(peakRss / 2 ** 20).toFixed(0)} MiB (+${((peakRss - rssBefore) / 2 ** 20).toFixed(0)} MiB)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
