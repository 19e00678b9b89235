import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { CorruptDocumentError } from './document-parsing.errors.js';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { sanitizeExtractedText } from './text-file.js';

/** DOCX raw text with mammoth: one paragraph per block, paragraphs separated by a blank line; no page numbers. */
export class DocxParser implements FormatParser {
  async *pages(path: string): AsyncGenerator<ParsedPage> {
    const buffer = await readFile(path); // outside the try: a file-system error is not a corrupt document
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer })).value;
    } catch (error) {
      throw new CorruptDocumentError('docx', error instanceof Error ? error.message : String(error));
    }
    yield {
      page: null,
      text: sanitizeExtractedText(text)
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    };
  }
}
