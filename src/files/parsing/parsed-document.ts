/**
 * A parsed document: its text per page. `page` is the 1-based page number, or null when the format has no pages
 * (then a long text may come as several segments). The document's full text is the pages' texts joined with
 * "\n\n"; chunk offsets count characters (UTF-16 code units) in that full text.
 */
export interface ParsedPage {
  page: number | null;
  text: string;
}

export interface ParsedDocument {
  pages: ParsedPage[];
}

/** The pages' separator in a document's full text. */
export const PAGE_SEPARATOR = '\n\n';

/** One format's parser: yields the document's pages (or segments) in order, so large files stay bounded. */
export interface FormatParser {
  pages(path: string): AsyncGenerator<ParsedPage>;
}
