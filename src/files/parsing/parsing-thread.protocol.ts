import type { DocumentType } from './document-type.js';
import type { ParsedPage } from './parsed-document.js';

/** Main thread → parsing thread: start a document, or hand over its next page. */
export type ParsingRequest = { kind: 'open'; path: string; type: DocumentType } | { kind: 'next' };

/** Parsing thread → main thread, one answer per request: opened, one page, the end, or the parser's error. */
export type ParsingMessage =
  | { kind: 'opened' }
  | { kind: 'page'; page: ParsedPage }
  | { kind: 'done' }
  | { kind: 'error'; message: string; corrupt?: { type: string; reason: string } };
