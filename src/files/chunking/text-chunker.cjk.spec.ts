import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../infra/config/app-config.js';
import { TextChunker } from './text-chunker.js';
import { TokenCounter } from './token-counter.js';

const chunker = new TextChunker(loadConfig({ NODE_ENV: 'test' }));
const tokens = new TokenCounter();
const fixture = (name: string) => readFile(new URL(`../../../test/fixtures/cjk/${name}`, import.meta.url), 'utf8');

/** Offsets between grapheme clusters of the text (where a cut splits nothing). */
function graphemeBoundaries(text: string): Set<number> {
  const boundaries = new Set([text.length]);
  for (const { index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) boundaries.add(index);
  return boundaries;
}

describe('TextChunker on Chinese and Japanese text', () => {
  it('ends chunks of unspaced Chinese text at sentence ends, within the limit, with exact offsets', async () => {
    const news = await fixture('news.zh-Hans.txt');
    const text = news.replace(/\s+/g, ''); // one long paragraph, no spaces: only punctuation tells sentences apart
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 80, chunkOverlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(text.slice(chunk.start_offset, chunk.end_offset)).toBe(chunk.text);
      expect(chunk.token_count).toBe(tokens.count(chunk.text));
      expect(chunk.token_count).toBeLessThanOrEqual(80);
      expect(chunk.text).toMatch(/[。！？；，、：]$/u);
    }
    expect(chunks.map((c) => c.text).join('')).toBe(text);
  });

  it('keeps a closing quote with its sentence and splits Japanese at 。', () => {
    const text = '山本社長は「来年は工場を増やす。」と述べた。田中教授は慎重な姿勢を示した。'.repeat(6);
    return chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 40, chunkOverlapTokens: 0 }).then((chunks) => {
      expect(chunks.length).toBeGreaterThan(2);
      for (const chunk of chunks) expect(chunk.text).not.toMatch(/^[」』）]/u);
    });
  });

  it('overlaps consecutive chunks of short Chinese sentences by at most the overlap budget', async () => {
    const text = Array.from({ length: 60 }, (_, i) => `第${i}號伺服器已完成備份。`).join('');
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 100, chunkOverlapTokens: 30 });
    expect(chunks.length).toBeGreaterThan(3);
    for (let i = 1; i < chunks.length; i += 1) {
      const shared = text.slice(chunks[i].start_offset, chunks[i - 1].end_offset);
      expect(chunks[i].start_offset).toBeLessThan(chunks[i - 1].end_offset);
      expect(tokens.count(shared)).toBeLessThanOrEqual(30 + 2);
    }
  });

  it('never cuts inside a grapheme cluster (combining marks, emoji sequences, flags)', async () => {
    const cluster = ['é', '👩‍👩‍👧‍👦', '🇹🇼', '🇯🇵', 'ก้', '𠀋', '👍🏽', 'か゚'];
    const text = Array.from({ length: 400 }, (_, i) => cluster[i % cluster.length]).join('');
    const boundaries = graphemeBoundaries(text);
    const chunks = await chunker.chunkAll([{ page: null, text }], { chunkSizeTokens: 20, chunkOverlapTokens: 4 });
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(boundaries.has(chunk.start_offset)).toBe(true);
      expect(boundaries.has(chunk.end_offset)).toBe(true);
      expect(chunk.token_count).toBeLessThanOrEqual(20);
    }
  });

  it('splits the Traditional-Chinese Markdown guide at its headings', async () => {
    const guide = await fixture('guide.zh-Hant.md');
    const chunks = await chunker.chunkAll([{ page: null, text: guide }], { format: 'md', chunkSizeTokens: 200, chunkOverlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(6);
    expect(chunks.slice(1).every((c) => c.text.startsWith('## '))).toBe(true);
  });
});
