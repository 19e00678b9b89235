/** Deeper JSON than this is refused before class-transformer walks it (it recurses, and overflows the stack). */
export const MAX_INPUT_DEPTH = 32;

// A UTF-16 surrogate without its pair: not encodable as UTF-8, breaks encodeURI and Postgres text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnstorableInput {
  field: string;
  problem: string;
}

/**
 * The first part of a request input (body, query or path params) that no handler can take: nested deeper than
 * MAX_INPUT_DEPTH, or a string (or key) holding a NUL byte (Postgres text and jsonb refuse it) or a lone surrogate.
 */
export function findUnstorableInput(value: unknown, field = '', depth = 0): UnstorableInput | undefined {
  if (typeof value === 'string') return stringProblem(value, field || 'value');
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { field: field || 'value', problem: `nested deeper than ${MAX_INPUT_DEPTH} levels` };
  for (const [key, item] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    const found = stringProblem(key, path) ?? findUnstorableInput(item, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function stringProblem(text: string, field: string): UnstorableInput | undefined {
  if (text.includes('\u0000')) return { field, problem: 'must not contain NUL characters' };
  if (LONE_SURROGATE.test(text)) return { field, problem: 'must be valid Unicode (a lone surrogate was found)' };
  return undefined;
}
