import { readFile } from 'node:fs/promises';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CorruptDocumentError } from './document-parsing.errors.js';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { sanitizeExtractedText } from './text-file.js';

/** PDF text per page (1-based page numbers) with pdf.js; one page's text is in memory at a time. */
export class PdfParser implements FormatParser {
  async *pages(path: string): AsyncGenerator<ParsedPage> {
    const bytes = await readFile(path);
    const document = await this.open(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    try {
      for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
        yield { page: pageNumber, text: await this.pageText(document, pageNumber) };
      }
    } finally {
      await document.destroy();
    }
  }

  private async open(data: Uint8Array): Promise<PDFDocumentProxy> {
    try {
      // No eval, no fonts: we only read the text layer.
      return await getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
    } catch (error) {
      throw new CorruptDocumentError('pdf', describePdfError(error));
    }
  }

  private async pageText(document: PDFDocumentProxy, pageNumber: number): Promise<string> {
    try {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      return sanitizeExtractedText(text)
        .replace(/[ \t]+\n/g, '\n')
        .trim();
    } catch (error) {
      throw new CorruptDocumentError('pdf', `page ${pageNumber}: ${describePdfError(error)}`);
    }
  }
}

function describePdfError(error: unknown): string {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (name === 'PasswordException') return 'it is encrypted (password protected)';
  if (name === 'InvalidPDFException') return 'it is not a valid PDF (corrupt or truncated)';
  return typeof message === 'string' ? message : String(error);
}
