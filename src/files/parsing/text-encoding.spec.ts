import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { CorruptDocumentError, UnsupportedFileTypeError } from './document-parsing.errors.js';
import { DocumentParser } from './document-parser.js';
import type { DocumentType } from './document-type.js';
import { detectTextEncoding, type TextEncoding, withCharset } from './text-encoding.js';

const fixture = (name: string) => readFile(new URL(`../../../test/fixtures/cjk/${name}`, import.meta.url), 'utf8');

describe('text encodings', () => {
  const parser = new DocumentParser();
  let dir: string;
  let guide: string;
  let news: string;
  let japanese: string;
  let count = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'encoding-spec-'));
    [guide, news, japanese] = await Promise.all([
      fixture('guide.zh-Hant.md'),
      fixture('news.zh-Hans.txt'),
      fixture('story.ja.txt'),
    ]);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function parsed(bytes: Buffer, type: DocumentType): Promise<string> {
    const path = join(dir, `file-${(count += 1)}`);
    await writeFile(path, bytes);
    const { pages } = await parser.parse(path, type);
    return pages.map((p) => p.text).join('\n\n');
  }

  const encoded = (text: string, encoding: TextEncoding, bom = false) => iconv.encode(text, encoding, { addBOM: bom });

  it.each<[string, TextEncoding, boolean]>([
    ['UTF-8', 'utf-8', false],
    ['UTF-8 with BOM', 'utf-8', true],
    ['UTF-16LE with BOM', 'utf-16le', true],
    ['UTF-16BE with BOM', 'utf-16be', true],
    ['Big5', 'big5', false],
    ['GB18030', 'gb18030', false],
  ])('detects the Traditional-Chinese guide saved as %s and reads it back unchanged', async (_label, encoding, bom) => {
    const bytes = encoded(guide, encoding, bom);
    expect(detectTextEncoding(bytes)).toBe(encoding);
    expect(await parser.detectType(bytes, '維運手冊.md')).toBe('md');
    expect(parser.textEncoding(bytes, 'md')).toBe(encoding);
    expect(await parsed(bytes, 'md')).toBe(guide.replace(/\r\n?/g, '\n'));
  });

  it('detects Simplified Chinese in GB18030 and Japanese in Shift_JIS and EUC-JP', async () => {
    expect(detectTextEncoding(encoded(news, 'gb18030'))).toBe('gb18030');
    expect(detectTextEncoding(encoded(japanese, 'shift_jis'))).toBe('shift_jis');
    expect(detectTextEncoding(encoded(japanese, 'euc-jp'))).toBe('euc-jp');
    expect(await parsed(encoded(japanese, 'shift_jis'), 'txt')).toBe(japanese);
  });

  it('reads a Big5 CSV', async () => {
    const csv = encoded('名稱,城市\n國立臺灣大學,臺北市\n', 'big5');
    expect(await parser.detectType(csv, '學校.csv')).toBe('csv');
    expect(await parsed(csv, 'csv')).toBe('名稱: 國立臺灣大學; 城市: 臺北市');
  });

  it("uses an HTML page's declared charset", async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>${guide.slice(0, 200)}</p></body></html>`;
    const bytes = encoded(page, 'big5');
    expect(parser.textEncoding(bytes, 'html')).toBe('big5');
    expect(await parsed(bytes, 'html')).toContain('本手冊說明文件智慧平台的安裝、設定與日常維運方式');
    const gbk = encoded(`<meta charset="GBK"><p>${news.slice(0, 100)}</p>`, 'gb18030');
    expect(parser.textEncoding(gbk, 'html')).toBe('gb18030');
  });

  it('rejects bytes that are text in no supported encoding with 415 at upload and 422 at parse', async () => {
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 97) % 0x7f)));
    expect(detectTextEncoding(noise)).toBeUndefined();
    await expect(parser.detectType(noise, 'noise.txt')).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    await expect(parsed(noise, 'txt')).rejects.toBeInstanceOf(CorruptDocumentError);
    const utf16WithoutBom = iconv.encode('plain ASCII text', 'utf-16le');
    expect(detectTextEncoding(utf16WithoutBom)).toBeUndefined();
  });

  it('fails with 422 on a Big5 file that turns into binary after its head', async () => {
    const binary = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i % 2 ? 0xff : 0x80)));
    const bytes = Buffer.concat([encoded(guide.repeat(30), 'big5'), binary]);
    expect(parser.textEncoding(bytes.subarray(0, 64 * 1024), 'txt')).toBe('big5');
    await expect(parsed(bytes, 'txt')).rejects.toBeInstanceOf(CorruptDocumentError);
  });

  it('puts a charset in the content type of text that is not UTF-8', () => {
    expect(withCharset('text/plain', 'big5')).toBe('text/plain; charset=big5');
    expect(withCharset('text/plain', 'utf-8')).toBe('text/plain');
    expect(withCharset('application/pdf', undefined)).toBe('application/pdf');
  });
});
