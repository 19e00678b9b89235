import { Injectable } from '@nestjs/common';
import { DocumentTypeDetector } from './document-type-detector.js';
import type { DocumentType } from './document-type.js';
import { JsonParser } from './json-parser.js';
import { LazyFormatParser } from './lazy-format-parser.js';
import type { FormatParser, ParsedDocument, ParsedPage } from './parsed-document.js';
import { PlainTextParser } from './plain-text-parser.js';
import type { TextEncoding } from './text-encoding.js';

/**
 * Detects a document's type and extracts its text, one parser per format. `pages` streams (bounded memory for
 * large files); `parse` collects everything. Unreadable content throws CorruptDocumentError (422).
 */
@Injectable()
export class DocumentParser {
  private readonly detector = new DocumentTypeDetector();
  private readonly parsers: Record<DocumentType, FormatParser> = {
    pdf: new LazyFormatParser(async () => new (await import('./pdf-parser.js')).PdfParser()),
    docx: new LazyFormatParser(async () => new (await import('./docx-parser.js')).DocxParser()),
    html: new LazyFormatParser(async () => new (await import('./html-parser.js')).HtmlParser()),
    md: new PlainTextParser('md'),
    txt: new PlainTextParser('txt'),
    csv: new LazyFormatParser(async () => new (await import('./csv-parser.js')).CsvParser()),
    json: new JsonParser(),
  };

  /**
   * The document type of content whose first bytes are `head` (pass at least DETECTION_HEAD_BYTES, or the whole
   * file when smaller). Throws UnsupportedFileTypeError (415) for anything not accepted.
   */
  detectType(head: Buffer, originalName: string): Promise<DocumentType> {
    return this.detector.detect(head, originalName);
  }

  /** The text encoding of an accepted text document (null for PDF and DOCX): what its parser decodes it from. */
  textEncoding(head: Buffer, type: DocumentType): TextEncoding | null {
    return this.detector.textEncoding(head, type);
  }

  /** The document's pages (PDF) or text segments (other formats, page null), in order. */
  pages(path: string, type: DocumentType): AsyncGenerator<ParsedPage> {
    return this.parsers[type].pages(path);
  }

  async parse(path: string, type: DocumentType): Promise<ParsedDocument> {
    const pages: ParsedPage[] = [];
    for await (const page of this.pages(path, type)) pages.push(page);
    return { pages };
  }
}
