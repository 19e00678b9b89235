import type { FormatParser, ParsedPage } from './parsed-document.js';

/**
 * A format parser whose module (and library: pdf.js, mammoth, html-to-text, csv-parse) loads at its first document.
 * Loaded at start they were 41 MiB of every process's idle memory and most of a second of its start; parsing
 * threads, which do the parsing, load only the formats they meet.
 */
export class LazyFormatParser implements FormatParser {
  private parser?: Promise<FormatParser>;

  constructor(private readonly load: () => Promise<FormatParser>) {}

  async *pages(path: string): AsyncGenerator<ParsedPage> {
    this.parser ??= this.load().catch((error: unknown) => {
      this.parser = undefined;
      throw error;
    });
    yield* (await this.parser).pages(path);
  }
}
