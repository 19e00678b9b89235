import type { TextDocumentType } from './document-type.js';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { readTextChunks, textSegments } from './text-file.js';

/**
 * Plain text and Markdown, streamed in segments of about 1 Mi characters cut at blank lines. Markdown stays
 * Markdown: headings and paragraph breaks are kept as written and the chunker splits at headings first.
 */
export class PlainTextParser implements FormatParser {
  constructor(private readonly type: Extract<TextDocumentType, 'txt' | 'md'>) {}

  async *pages(path: string): AsyncGenerator<ParsedPage> {
    for await (const text of textSegments(readTextChunks(path, this.type))) yield { page: null, text };
  }
}
