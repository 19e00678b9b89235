/** A term of compromise's document, read in place (only the fields the rules extractor reads; never written). */
export interface Term {
  text: string;
  normal: string;
  pre: string;
  post: string;
  root?: string;
  chunk?: string;
  tags: ReadonlySet<string>;
  offset: { start: number; length: number };
}

export interface Span {
  start: number;
  end: number;
}

/** Punctuation after a term ends a name or phrase ("Paris, Berlin" are two places). */
export function breaksAfter(term: Term): boolean {
  return /[^\s'’-]/.test(term.post);
}

export function spanOf(first: Term, last: Term): Span {
  return { start: first.offset.start, end: last.offset.start + last.offset.length };
}

/** The term's lower-case word without a possessive ("Babbage's" → "babbage"). */
export function wordOf(term: Term): string {
  return term.normal.replace(/['’]s$/, '');
}
