import { compile } from 'html-to-text';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { readTextFile, sanitizeExtractedText } from './text-file.js';

const headingAsIs = (selector: string) => ({ selector, options: { uppercase: false } });

/** html-to-text is tolerant of any markup; compiled once. No line wrapping, no link targets, no images. */
const htmlToText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(headingAsIs),
  ],
});

/** HTML to readable text (scripts and styles dropped, headings kept as lines, paragraphs as blank-line blocks). */
export class HtmlParser implements FormatParser {
  async *pages(path: string): AsyncGenerator<ParsedPage> {
    const text = htmlToText(await readTextFile(path, 'html'));
    yield {
      page: null,
      text: sanitizeExtractedText(text)
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    };
  }
}
