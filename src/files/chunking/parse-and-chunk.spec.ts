import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCsv, makeDocx, makeHtml, makeJson, makeMarkdown, makePdf, makeText } from '../../../test/fixtures/make-fixtures.js';
import { loadConfig } from '../../infra/config/app-config.js';
import { DocumentParser } from '../parsing/document-parser.js';
import type { DocumentType } from '../parsing/document-type.js';
import { TextChunker } from './text-chunker.js';

const words = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 17} revenue grew in region ${i % 5}`).join(' ');

describe('parse then chunk, every format', () => {
  const parser = new DocumentParser();
  const chunker = new TextChunker(loadConfig({ NODE_ENV: 'test' }));
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parse-chunk-spec-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const documents: [DocumentType, string, () => Promise<Buffer> | Buffer][] = [
    ['pdf', 'report.pdf', () => makePdf([words(60, 'alpha'), words(60, 'beta'), words(60, 'gamma')])],
    ['docx', 'letter.docx', () => makeDocx(['# Title', words(80, 'delta'), words(80, 'epsilon')])],
    ['html', 'page.html', () => makeHtml('Page', [words(80, 'zeta'), words(80, 'eta')])],
    ['md', 'notes.md', () => makeMarkdown('Notes', [`## One\n\n${words(80, 'theta')}`, `## Two\n\n${words(80, 'iota')}`])],
    ['txt', 'plain.txt', () => makeText(`${words(80, 'kappa')}\n\n${words(80, 'lambda')}`)],
    [
      'csv',
      'table.csv',
      () => makeCsv(['id', 'region', 'note'], Array.from({ length: 150 }, (_, i) => [`${i}`, `r${i % 5}`, words(3, 'mu')])),
    ],
    ['json', 'data.json', () => makeJson({ items: Array.from({ length: 120 }, (_, i) => ({ id: i, note: words(2, 'nu') })) })],
  ];

  it.each(documents)('%s: detected, parsed, chunked with exact offsets', async (type, name, make) => {
    const content = await make();
    expect(await parser.detectType(content, name)).toBe(type);
    const path = join(dir, name);
    await writeFile(path, content);
    const { pages } = await parser.parse(path, type);
    const fullText = pages.map((p) => p.text).join('\n\n');
    const chunks = await chunker.chunkAll(pages, { format: type, chunkSizeTokens: 128, chunkOverlapTokens: 16 });

    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(fullText.slice(chunk.start_offset, chunk.end_offset)).toBe(chunk.text);
      expect(chunk.token_count).toBeLessThanOrEqual(128);
      expect(chunk.page).toEqual(type === 'pdf' ? expect.any(Number) : null);
    }
    if (type === 'pdf') {
      expect([...new Set(chunks.map((c) => c.page))]).toEqual([1, 2, 3]);
      expect(chunks.filter((c) => c.page === 2).every((c) => c.text.includes('beta'))).toBe(true);
    }
  });
});
