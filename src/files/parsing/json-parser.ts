import { CorruptDocumentError } from './document-parsing.errors.js';
import type { FormatParser, ParsedPage } from './parsed-document.js';
import { readTextFile } from './text-file.js';

/** Characters of flattened lines per segment. */
const JSON_SEGMENT_CHARS = 256 * 1024;

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON flattened to one line per leaf, "key.path[0].leaf: value", in document order, so each fact carries its
 * context into whatever chunk it lands in. Walked with an explicit stack (deep nesting cannot overflow the call stack).
 */
export class JsonParser implements FormatParser {
  async *pages(path: string): AsyncGenerator<ParsedPage> {
    let root: JsonValue;
    try {
      root = JSON.parse(await readTextFile(path, 'json')) as JsonValue;
    } catch (error) {
      if (error instanceof SyntaxError) throw new CorruptDocumentError('json', error.message);
      throw error;
    }
    let lines: string[] = [];
    let size = 0;
    let yielded = false;
    for (const line of flatten(root)) {
      lines.push(line);
      size += line.length + 1;
      if (size >= JSON_SEGMENT_CHARS) {
        yield { page: null, text: lines.join('\n') };
        yielded = true;
        lines = [];
        size = 0;
      }
    }
    if (lines.length > 0 || !yielded) yield { page: null, text: lines.join('\n') };
  }
}

function* flatten(root: JsonValue): Generator<string> {
  const stack: { path: string; value: JsonValue }[] = [{ path: '', value: root }];
  while (stack.length > 0) {
    const { path, value } = stack.pop()!;
    if (value !== null && typeof value === 'object') {
      const entries: [string, JsonValue][] = Array.isArray(value)
        ? value.map((item, i) => [`${path}[${i}]`, item])
        : Object.entries(value).map(([key, item]) => [joinKey(path, key), item]);
      if (entries.length === 0) {
        yield `${path || '(root)'}: ${Array.isArray(value) ? '[]' : '{}'}`;
        continue;
      }
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ path: entries[i][0], value: entries[i][1] });
      continue;
    }
    const text = String(value).replace(/\s*\n\s*/g, ' ');
    yield path ? `${path}: ${text}` : text;
  }
}

function joinKey(path: string, key: string): string {
  const safe = /^[\p{L}\p{N}_$-]+$/u.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${safe}` : safe;
}
