import mammoth from 'mammoth';
import { CorruptDocumentError } from './document-parsing.errors.js';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { sanitizeExtractedText } from './utf8-text.js';

/** DOCX raw text with mammoth: one paragraph per block, paragraphs separated by a blank line; no page numbers. */
export class DocxParser implements FormatParser {
  async *pages(path: string): AsyncGenerator<ParsedPage> {
    let text: string;
    try {
      text = (await mammoth.extractRawText({ path })).value;
    } catch (error) {
      if (isFileSystemError(error)) throw error;
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

export function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
