import { createReadStream } from 'node:fs';
import { CorruptDocumentError } from './document-parsing.errors.js';

/** Characters per segment when a long text file is read in parts (bounded memory). */
export const TEXT_SEGMENT_CHARS = 1 << 20;

/**
 * Streams a file as strictly decoded UTF-8 text (BOM dropped, "\r\n" and "\r" turned into "\n"). Invalid UTF-8 or
 * a NUL character means binary content: CorruptDocumentError.
 */
export async function* readUtf8Chunks(path: string, type: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pendingCarriageReturn = false;
  const normalize = (decoded: string, final: boolean): string => {
    let text = (pendingCarriageReturn ? '\r' : '') + decoded;
    pendingCarriageReturn = !final && text.endsWith('\r');
    if (pendingCarriageReturn) text = text.slice(0, -1);
    if (text.includes('\0')) throw new CorruptDocumentError(type, 'it contains NUL bytes (binary content)');
    return text.replace(/\r\n?/g, '\n');
  };
  const decode = (bytes: Buffer | undefined): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new CorruptDocumentError(type, 'it is not valid UTF-8 text');
    }
  };
  for await (const bytes of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const text = normalize(decode(bytes as Buffer), false);
    if (text) yield text;
  }
  const rest = normalize(decode(undefined), true);
  if (rest) yield rest;
}

export async function readUtf8File(path: string, type: string): Promise<string> {
  const parts: string[] = [];
  for await (const part of readUtf8Chunks(path, type)) parts.push(part);
  return parts.join('');
}

/**
 * Regroups streamed text into segments of about `targetChars`, cut at a blank line where possible (the blank line
 * is the "\n\n" that joins segments in the document's full text); failing that at a line break, failing that
 * anywhere (never inside a surrogate pair). Always yields at least one segment.
 */
export async function* textSegments(
  chunks: AsyncIterable<string>,
  targetChars = TEXT_SEGMENT_CHARS,
): AsyncGenerator<string> {
  let buffer = '';
  let yielded = false;
  for await (const chunk of chunks) {
    buffer += chunk;
    while (buffer.length >= targetChars) {
      const { end, next } = findSegmentCut(buffer, targetChars);
      yield buffer.slice(0, end);
      yielded = true;
      buffer = buffer.slice(next);
    }
  }
  if (buffer || !yielded) yield buffer;
}

function findSegmentCut(buffer: string, target: number): { end: number; next: number } {
  const minimum = Math.floor(target / 4);
  const blankLine = buffer.lastIndexOf('\n\n', target);
  if (blankLine >= minimum) return { end: blankLine, next: blankLine + 2 };
  const lineBreak = buffer.lastIndexOf('\n', target);
  if (lineBreak >= minimum) return { end: lineBreak, next: lineBreak + 1 };
  const code = buffer.charCodeAt(target - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? target - 1 : target;
  return { end, next: end };
}

/** Drops characters PostgreSQL text cannot hold (NUL) from text a binary-format library extracted. */
export function sanitizeExtractedText(text: string): string {
  return text.replace(/\0/g, '');
}
