import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  makeCsv,
  makeDocx,
  makeElf,
  makeHtml,
  makeJson,
  makeMarkdown,
  makePdf,
  makePeExecutable,
  makePng,
  makeText,
  makeZip,
} from '../../../test/fixtures/make-fixtures.js';
import { CorruptDocumentError, UnsupportedFileTypeError } from './document-parsing.errors.js';
import { DocumentParser } from './document-parser.js';
import type { DocumentType } from './document-type.js';
import { TEXT_SEGMENT_CHARS } from './text-file.js';

describe('DocumentParser', () => {
  const parser = new DocumentParser();
  let dir: string;
  let fileCount = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parser-spec-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(content: Buffer): Promise<string> {
    const path = join(dir, `file-${(fileCount += 1)}`);
    await writeFile(path, content);
    return path;
  }

  async function parseText(content: Buffer, type: DocumentType): Promise<string> {
    const { pages } = await parser.parse(await write(content), type);
    return pages.map((p) => p.text).join('\n\n');
  }

  async function rejection(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  describe('detectType', () => {
    it('detects PDF and DOCX by content, whatever the name says', async () => {
      expect(await parser.detectType(makePdf(['Hello']), 'report.pdf')).toBe('pdf');
      expect(await parser.detectType(makePdf(['Hello']), 'renamed.txt')).toBe('pdf');
      expect(await parser.detectType(await makeDocx(['Hello']), 'letter.docx')).toBe('docx');
      expect(await parser.detectType(await makeDocx(['Hello']), 'LETTER')).toBe('docx');
    });

    it('detects text formats by extension (case-insensitive)', async () => {
      expect(await parser.detectType(makeHtml('T', ['p']), 'page.HTML')).toBe('html');
      expect(await parser.detectType(makeHtml('T', ['p']), 'page.htm')).toBe('html');
      expect(await parser.detectType(makeMarkdown('T', ['p']), 'notes.md')).toBe('md');
      expect(await parser.detectType(makeText('héllo wörld ✓'), 'a.txt')).toBe('txt');
      expect(await parser.detectType(makeCsv(['a'], [['1']]), 'a.csv')).toBe('csv');
      expect(await parser.detectType(makeJson({ a: 1 }), 'a.json')).toBe('json');
      expect(await parser.detectType(Buffer.from('<?xml version="1.0"?><html></html>'), 'x.html')).toBe('html');
    });

    it('accepts a head that ends inside a multi-byte character', async () => {
      const head = Buffer.from('abc ✓').subarray(0, 5); // "✓" is 3 bytes: cut after the first
      expect(await parser.detectType(head, 'a.txt')).toBe('txt');
    });

    it.each([
      ['an ELF executable', 'notes.txt', makeElf()],
      ['a PE executable', 'notes.md', makePeExecutable()],
      ['a PNG image', 'data.txt', makePng()],
      ['a PNG image', 'data.csv', makePng()],
    ])('rejects %s renamed %s with 415', async (_what, name, content) => {
      const error = await rejection(parser.detectType(content, name));
      expect(error).toBeInstanceOf(UnsupportedFileTypeError);
      expect(error).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', status: 415 });
    });

    it('rejects a zip that is not a DOCX with 415', async () => {
      const error = await rejection(parser.detectType(await makeZip(), 'letter.docx'));
      expect(error).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', status: 415 });
    });

    it('rejects non-UTF-8 or NUL-bearing text with 415', async () => {
      expect(await rejection(parser.detectType(Buffer.from([0x68, 0xe9, 0x6c, 0x6c, 0x6f]), 'latin1.txt'))).toBeInstanceOf(
        UnsupportedFileTypeError,
      );
      expect(await rejection(parser.detectType(Buffer.from('a\0b'), 'nul.txt'))).toBeInstanceOf(UnsupportedFileTypeError);
    });

    it('rejects extensions outside the accepted list with 415', async () => {
      expect(await rejection(parser.detectType(makeText('x = 1'), 'script.py'))).toBeInstanceOf(UnsupportedFileTypeError);
      expect(await rejection(parser.detectType(makeText('plain'), 'README'))).toBeInstanceOf(UnsupportedFileTypeError);
    });
  });

  describe('parse', () => {
    it('extracts PDF text per page with 1-based page numbers', async () => {
      const path = await write(makePdf(['First page text\nwith a second line', 'Second page (with parentheses)']));
      const { pages } = await parser.parse(path, 'pdf');
      expect(pages).toEqual([
        { page: 1, text: 'First page text\nwith a second line' },
        { page: 2, text: 'Second page (with parentheses)' },
      ]);
    });

    it('rejects an encrypted PDF with CorruptDocumentError (422)', async () => {
      const error = await rejection(parser.parse(await write(makePdf(['secret'], { encrypted: true })), 'pdf'));
      expect(error).toBeInstanceOf(CorruptDocumentError);
      expect(error).toMatchObject({ code: 'CORRUPT_DOCUMENT', status: 422 });
      expect((error as Error).message).toMatch(/encrypted/);
    });

    it.each([10, 50, 90])('rejects a PDF truncated to %i%% of its bytes with CorruptDocumentError', async (percent) => {
      const pdf = makePdf(['Hello', 'World', 'Third page']);
      const truncated = pdf.subarray(0, Math.floor((pdf.length * percent) / 100));
      const error = await rejection(parser.parse(await write(truncated), 'pdf'));
      expect(error).toBeInstanceOf(CorruptDocumentError);
    });

    it('extracts DOCX paragraphs', async () => {
      const text = await parseText(await makeDocx(['# Quarterly report', 'Revenue grew <10%> & costs fell.', 'Second paragraph.']), 'docx');
      expect(text).toBe('Quarterly report\n\nRevenue grew <10%> & costs fell.\n\nSecond paragraph.');
    });

    it('rejects a DOCX without word/document.xml and a truncated DOCX with CorruptDocumentError', async () => {
      expect(await rejection(parser.parse(await write(await makeZip()), 'docx'))).toBeInstanceOf(CorruptDocumentError);
      const docx = await makeDocx(['Hello']);
      expect(await rejection(parser.parse(await write(docx.subarray(0, docx.length / 2)), 'docx'))).toBeInstanceOf(
        CorruptDocumentError,
      );
    });

    it('turns HTML into text without markup, scripts or styles', async () => {
      const text = await parseText(makeHtml('Annual Meeting', ['The board met on Monday.', 'Fish & chips.']), 'html');
      expect(text).toContain('Annual Meeting');
      expect(text).toContain('The board met on Monday.\n\nFish & chips.');
      expect(text).not.toMatch(/<|hidden|color/);
    });

    it('keeps Markdown headings and paragraph breaks', async () => {
      const text = await parseText(makeMarkdown('Title', ['## Section', 'Body *text*.']), 'md');
      expect(text).toBe('# Title\n\n## Section\n\nBody *text*.\n');
    });

    it('reads plain text as UTF-8 with normalized line breaks and no BOM', async () => {
      const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('line one\r\nline two ✓\rend')]);
      expect(await parseText(content, 'txt')).toBe('line one\nline two ✓\nend');
    });

    it('fails on invalid UTF-8 or NUL after the detected head with CorruptDocumentError', async () => {
      const invalid = Buffer.concat([Buffer.from('a'.repeat(100_000)), Buffer.from([0xff, 0xfe])]);
      expect(await rejection(parser.parse(await write(invalid), 'txt'))).toBeInstanceOf(CorruptDocumentError);
      const nul = Buffer.from(`${'a'.repeat(100_000)}\0`);
      expect(await rejection(parser.parse(await write(nul), 'md'))).toBeInstanceOf(CorruptDocumentError);
    });

    it('streams a large text file in segments cut at blank lines that rejoin to the original text', async () => {
      const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20);
      const original = Array.from({ length: 3000 }, (_, i) => `${i} ${paragraph}`).join('\n\n');
      const path = await write(makeText(original));
      const segments: string[] = [];
      for await (const segment of parser.pages(path, 'txt')) {
        expect(segment.page).toBeNull();
        expect(segment.text.length).toBeLessThanOrEqual(TEXT_SEGMENT_CHARS);
        segments.push(segment.text);
      }
      expect(segments.length).toBeGreaterThan(2);
      expect(segments.join('\n\n')).toBe(original);
    });

    it('turns CSV rows into "column: value" lines', async () => {
      const csv = makeCsv(['name', 'city', 'note'], [['Alice', 'Paris', 'likes "tea", cake'], ['Bob', 'Oslo', '']]);
      expect(await parseText(csv, 'csv')).toBe('name: Alice; city: Paris; note: likes "tea", cake\nname: Bob; city: Oslo');
    });

    it('rejects malformed CSV with CorruptDocumentError', async () => {
      const error = await rejection(parser.parse(await write(Buffer.from('a,b\n"unclosed,2\n')), 'csv'));
      expect(error).toBeInstanceOf(CorruptDocumentError);
      const binary = Buffer.concat([makeCsv(['a'], [['1']]), Buffer.from([0xc3, 0x28])]);
      expect(await rejection(parser.parse(await write(binary), 'csv'))).toBeInstanceOf(CorruptDocumentError);
    });

    it('lets file-system errors through unchanged (a missing blob is not a corrupt document)', async () => {
      for (const type of ['pdf', 'docx', 'txt', 'csv', 'json', 'html'] as const) {
        const error = await rejection(parser.parse(join(dir, 'missing-file'), type));
        expect({ type, error }).toMatchObject({ type, error: { code: 'ENOENT' } });
        expect(error).not.toBeInstanceOf(CorruptDocumentError);
      }
    });

    it('flattens JSON to key paths', async () => {
      const json = makeJson({ title: 'Report', authors: [{ name: 'Ann' }, { name: 'Bo' }], meta: { pages: 2, draft: false, tags: [] } });
      expect(await parseText(json, 'json')).toBe(
        'title: Report\nauthors[0].name: Ann\nauthors[1].name: Bo\nmeta.pages: 2\nmeta.draft: false\nmeta.tags: []',
      );
    });

    it('rejects invalid JSON with CorruptDocumentError', async () => {
      expect(await rejection(parser.parse(await write(Buffer.from('{"a": ')), 'json'))).toBeInstanceOf(CorruptDocumentError);
    });
  });
});
