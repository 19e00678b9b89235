/**
 * Worker-thread entry of IsolatedDocumentParser: parses one document at a time and hands its pages over one by one,
 * each when the main thread asks for the next (a large document's pages never pile up in messages). The thread is
 * reused for the next document while its parsers stay loaded.
 */
import { parentPort } from 'node:worker_threads';
import { DocumentParser } from './document-parser.js';
import { CorruptDocumentError } from './document-parsing.errors.js';
import type { ParsedPage } from './parsed-document.js';
import type { ParsingMessage, ParsingRequest } from './parsing-thread.protocol.js';

const parser = new DocumentParser();
const port = parentPort!;
let pages: AsyncGenerator<ParsedPage> | undefined;

port.on('message', (request: ParsingRequest) => {
  void answer(request).then((message) => port.postMessage(message));
});

async function answer(request: ParsingRequest): Promise<ParsingMessage> {
  try {
    if (request.kind === 'open') {
      pages = parser.pages(request.path, request.type);
      return { kind: 'opened' };
    }
    const next = await pages!.next();
    return next.done ? { kind: 'done' } : { kind: 'page', page: next.value };
  } catch (error) {
    if (error instanceof CorruptDocumentError) {
      const { type, reason } = error.details as { type: string; reason: string };
      return { kind: 'error', message: error.message, corrupt: { type, reason } };
    }
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
