import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { CorruptDocumentError } from './document-parsing.errors.js';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { readTextChunks } from './text-file.js';

/** Characters of row text per segment. */
const CSV_SEGMENT_CHARS = 256 * 1024;

/**
 * CSV with csv-parse, streamed: the first row names the columns; every other row becomes one line
 * "column: value; column: value" (empty cells left out), so each row reads on its own in a chunk.
 */
export class CsvParser implements FormatParser {
  async *pages(path: string): AsyncGenerator<ParsedPage> {
    const source = Readable.from(readTextChunks(path, 'csv'));
    const records = source.pipe(parse({ relax_column_count: true, skip_empty_lines: true, trim: true }));
    source.on('error', (error) => records.destroy(error));

    let header: string[] | undefined;
    let lines: string[] = [];
    let size = 0;
    let yielded = false;
    try {
      for await (const record of records as AsyncIterable<string[]>) {
        if (!header) {
          header = record.map((name, i) => name || `column ${i + 1}`);
          continue;
        }
        const line = rowText(header, record);
        if (!line) continue;
        lines.push(line);
        size += line.length + 1;
        if (size >= CSV_SEGMENT_CHARS) {
          yield { page: null, text: lines.join('\n') };
          yielded = true;
          lines = [];
          size = 0;
        }
      }
    } catch (error) {
      if (error instanceof CsvError) throw new CorruptDocumentError('csv', error.message);
      throw error;
    }
    if (!yielded && lines.length === 0) {
      yield { page: null, text: header ? header.join(', ') : '' };
    } else if (lines.length > 0) {
      yield { page: null, text: lines.join('\n') };
    }
  }
}

function rowText(header: string[], record: string[]): string {
  return record
    .map((value, i) => (value ? `${header[i] ?? `column ${i + 1}`}: ${value.replace(/\s*\n\s*/g, ' ')}` : ''))
    .filter((cell) => cell !== '')
    .join('; ');
}
