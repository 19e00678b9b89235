import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../infra/config/app-config.js';
import type { ParsedPage } from '../parsing/parsed-document.js';
import type { ChunkDraft } from './chunk-draft.js';
import { CHUNKING_WINDOW_CHARS, TextChunker } from './text-chunker.js';
import { TokenCounter } from './token-counter.js';

const config = loadConfig({ NODE_ENV: 'test' });
const chunker = new TextChunker(config);
const tokens = new TokenCounter();

const sentence = (i: number): string =>
  `Sentence ${i} tells how the quarterly revenue of unit ${i % 7} changed after the merger with partner ${i % 13}.`;

function paragraphs(count: number, sentencesEach: number, from = 0): string {
  return Array.from({ length: count }, (_, p) =>
    Array.from({ length: sentencesEach }, (_, s) => sentence(from + p * sentencesEach + s)).join(' '),
  ).join('\n\n');
}

function fullText(pages: ParsedPage[]): string {
  return pages.map((p) => p.text).join('\n\n');
}

function expectChunksMatch(chunks: ChunkDraft[], text: string, limit: number): void {
  chunks.forEach((chunk, i) => {
    expect(chunk.chunk_index).toBe(i);
    expect(text.slice(chunk.start_offset, chunk.end_offset)).toBe(chunk.text);
    expect(chunk.token_count).toBe(tokens.count(chunk.text));
    expect(chunk.token_count).toBeLessThanOrEqual(limit);
    expect(chunk.text).toBe(chunk.text.trim());
    expect(chunk.text.length).toBeGreaterThan(0);
    if (i > 0) expect(chunk.start_offset).toBeGreaterThan(chunks[i - 1].start_offset);
  });
  // Every non-space character belongs to at least one chunk.
  let covered = 0;
  for (const chunk of chunks) {
    expect(text.slice(covered, chunk.start_offset).trim()).toBe('');
    covered = Math.max(covered, chunk.end_offset);
  }
  expect(text.slice(covered).trim()).toBe('');
}

describe('TextChunker', () => {
  it('uses CHUNK_SIZE_TOKENS / CHUNK_OVERLAP_TOKENS from the config by default', async () => {
    const small = new TextChunker(loadConfig({ NODE_ENV: 'test', CHUNK_SIZE_TOKENS: '40', CHUNK_OVERLAP_TOKENS: '8' }));
    const text = paragraphs(10, 5);
    const chunks = await small.chunkAll([{ page: null, text }]);
    expect(Math.max(...chunks.map((c) => c.token_count))).toBeLessThanOrEqual(40);
    expect(Math.max(...chunks.map((c) => c.token_count))).toBeGreaterThan(30);
    expectChunksMatch(chunks, text, 40);
  });

  it('keeps every chunk within the token limit, with exact offsets, and covers the whole text', async () => {
    const text = paragraphs(40, 5);
    const chunks = await chunker.chunkAll([{ page: null, text }]);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.token_count))).toBeGreaterThan(350);
    expectChunksMatch(chunks, text, 512);
  });

  it('overlaps consecutive chunks by at most the overlap budget', async () => {
    const text = paragraphs(1, 200); // one long paragraph: splits at words, so overlap is guaranteed
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 100, chunkOverlapTokens: 20 });
    expect(chunks.length).toBeGreaterThan(3);
    expectChunksMatch(chunks, text, 100);
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1];
      expect(chunks[i].start_offset).toBeLessThan(previous.end_offset);
      const shared = text.slice(chunks[i].start_offset, previous.end_offset);
      expect(tokens.count(shared)).toBeGreaterThan(0);
      expect(tokens.count(shared)).toBeLessThanOrEqual(20 + 2);
    }
  });

  it('without overlap, chunks do not overlap', async () => {
    const text = paragraphs(1, 200);
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 100, chunkOverlapTokens: 0 });
    expectChunksMatch(chunks, text, 100);
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i].start_offset).toBeGreaterThanOrEqual(chunks[i - 1].end_offset);
  });

  it('gives each chunk the page it is on, with offsets into the pages joined by a blank line', async () => {
    const pages: ParsedPage[] = [
      { page: 1, text: paragraphs(6, 10, 0) },
      { page: 2, text: '' },
      { page: 3, text: paragraphs(6, 10, 1000) },
    ];
    const chunks = await chunker.chunkAll(pages, { chunkSizeTokens: 128, chunkOverlapTokens: 16 });
    const text = fullText(pages);
    expectChunksMatch(chunks, text, 128);
    const page3Start = pages[0].text.length + 2 + pages[1].text.length + 2;
    for (const chunk of chunks) {
      expect(chunk.page).toBe(chunk.start_offset < page3Start ? 1 : 3);
      if (chunk.page === 1) expect(chunk.end_offset).toBeLessThanOrEqual(pages[0].text.length);
    }
    expect(chunks.some((c) => c.page === 3)).toBe(true);
  });

  it('is deterministic', async () => {
    const pages: ParsedPage[] = [{ page: null, text: paragraphs(30, 9) }];
    const first = await chunker.chunkAll(pages, { chunkSizeTokens: 64, chunkOverlapTokens: 8 });
    const second = await chunker.chunkAll(pages, { chunkSizeTokens: 64, chunkOverlapTokens: 8 });
    expect(second).toEqual(first);
  });

  it('cuts text without spaces (and keeps emoji whole) within the limit', async () => {
    const text = `${'x'.repeat(3000)}${'😀'.repeat(500)}${'数据'.repeat(800)}`;
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 50, chunkOverlapTokens: 5 });
    expectChunksMatch(chunks, text, 50);
    for (const chunk of chunks) expect(chunk.text).toBe(Array.from(chunk.text).join('')); // no lone surrogate
    for (const chunk of chunks) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk.text)).toBe(false);
  });

  it.each([0, 4])('cuts chunks whose real token count exceeds the limit (overlap %i), losing no text', async (overlap) => {
    // " unbelievable" is 1 token but "unbelievable" (a chunk's trimmed first word) is 3: the splitter's sums undercount.
    const text = Array.from({ length: 300 }, () => 'unbelievable').join(' ');
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 16, chunkOverlapTokens: overlap });
    expectChunksMatch(chunks, text, 16);
    expect(chunks.filter((c) => c.token_count === 16).length).toBeGreaterThan(10);
  });

  it('locates repeated identical text exactly (repeated CSV rows)', async () => {
    const text = Array.from({ length: 400 }, () => 'status: ok; region: eu-west; count: 1').join('\n');
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 64, chunkOverlapTokens: 16 });
    expectChunksMatch(chunks, text, 64);
    for (let i = 1; i < chunks.length; i += 1) {
      expect(chunks[i].start_offset).toBeGreaterThan(chunks[i - 1].start_offset + chunks[i - 1].text.length / 2);
    }
  });

  it('splits Markdown at headings first', async () => {
    const section = (n: number): string => `## Section ${n}\n\n${paragraphs(2, 3, n * 10)}`;
    const text = `# Title\n\n${[1, 2, 3, 4].map(section).join('\n\n')}`;
    const perSection = tokens.count(section(1));
    const chunks = await chunker.chunkAll([{ page: null, text }], {
      format: 'md',
      chunkSizeTokens: perSection + 10,
      chunkOverlapTokens: 0,
    });
    expectChunksMatch(chunks, text, perSection + 10);
    expect(chunks.slice(1).every((c) => c.text.startsWith('## Section'))).toBe(true);
  });

  it('treats special-token text as ordinary text', async () => {
    const chunks = await chunker.chunkAll([{ page: null, text: 'before <|endoftext|> after' }]);
    expect(chunks.map((c) => c.text)).toEqual(['before <|endoftext|> after']);
  });

  it('yields nothing for empty or blank documents', async () => {
    expect(await chunker.chunkAll([{ page: null, text: '' }])).toEqual([]);
    expect(await chunker.chunkAll([{ page: 1, text: '  \n\n ' }, { page: 2, text: '' }])).toEqual([]);
  });

  it('yields batches of the requested size from a streamed large page, with exact offsets across windows', async () => {
    const text = paragraphs(800, 8); // about 3 windows of text
    expect(text.length).toBeGreaterThan(CHUNKING_WINDOW_CHARS * 2);
    async function* stream(): AsyncGenerator<ParsedPage> {
      yield { page: null, text };
    }
    const batches: ChunkDraft[][] = [];
    for await (const batch of chunker.chunkBatches(stream(), { batchSize: 50 })) batches.push(batch);
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.slice(0, -1).every((b) => b.length === 50)).toBe(true);
    expectChunksMatch(batches.flat(), text, 512);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('job timed out'));
    await expect(chunker.chunkAll([{ page: null, text: 'some text' }], { signal: controller.signal })).rejects.toThrow(
      'job timed out',
    );
  });

  it('rejects an overlap not smaller than the chunk size', async () => {
    await expect(chunker.chunkAll([{ page: null, text: 'x' }], { chunkSizeTokens: 10, chunkOverlapTokens: 10 })).rejects.toThrow(
      RangeError,
    );
  });
});
