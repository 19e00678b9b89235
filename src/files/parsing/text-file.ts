import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { graphemeBoundaryAtOrBefore } from '../../common/text/grapheme-boundary.js';
import { CorruptDocumentError } from './document-parsing.errors.js';
import { DETECTION_HEAD_BYTES, type TextDocumentType } from './document-type.js';
import { detectTextEncoding, type TextEncoding } from './text-encoding.js';

/** Characters per segment when a long text file is read in parts (bounded memory). */
export const TEXT_SEGMENT_CHARS = 1 << 20;

// Undecodable characters tolerated in a legacy-encoded file: at most this many, or this share of its characters.
const MAX_REPLACEMENTS = 16;
const MAX_REPLACEMENT_SHARE = 0.001;

/** Turns byte chunks into text; `undefined` flushes what is buffered at the end. */
type ChunkDecoder = (bytes: Buffer | undefined) => string;

/**
 * Streams a text file decoded from its encoding (detected from its first bytes as at upload: see
 * detectTextEncoding), BOM dropped, "\r\n" and "\r" turned into "\n". UTF-8 is decoded strictly; invalid UTF-8, a
 * NUL character or an encoding we cannot tell means the file is not text: CorruptDocumentError.
 */
export async function* readTextChunks(path: string, type: TextDocumentType): AsyncGenerator<string> {
  const encoding = detectTextEncoding(await readHead(path), { html: type === 'html' });
  if (!encoding) throw new CorruptDocumentError(type, 'it is not text in a supported encoding');
  const decode = decoderFor(encoding, type);
  let pendingCarriageReturn = false;
  const normalize = (decoded: string, final: boolean): string => {
    let text = (pendingCarriageReturn ? '\r' : '') + decoded;
    pendingCarriageReturn = !final && text.endsWith('\r');
    if (pendingCarriageReturn) text = text.slice(0, -1);
    if (text.includes('\0')) throw new CorruptDocumentError(type, 'it contains NUL bytes (binary content)');
    return text.replace(/\r\n?/g, '\n');
  };
  for await (const bytes of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const text = normalize(decode(bytes as Buffer), false);
    if (text) yield text;
  }
  const rest = normalize(decode(undefined), true);
  if (rest) yield rest;
}

export async function readTextFile(path: string, type: TextDocumentType): Promise<string> {
  const parts: string[] = [];
  for await (const part of readTextChunks(path, type)) parts.push(part);
  return parts.join('');
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(DETECTION_HEAD_BYTES), 0, DETECTION_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * UTF-8 strictly with the platform's decoder; the legacy and UTF-16 encodings with iconv-lite (BOM stripped), which
 * replaces what it cannot decode: a few replacements are tolerated (real Big5 files hold vendor characters), more
 * mean the bytes are not text in that encoding.
 */
function decoderFor(encoding: TextEncoding, type: TextDocumentType): ChunkDecoder {
  if (encoding !== 'utf-8') {
    const decoder = iconv.getDecoder(encoding);
    let characters = 0;
    let replacements = 0;
    return (bytes) => {
      const text = bytes ? decoder.write(bytes) : (decoder.end() ?? '');
      characters += text.length;
      for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) replacements += 1;
      if (replacements > MAX_REPLACEMENTS && replacements > characters * MAX_REPLACEMENT_SHARE) {
        throw new CorruptDocumentError(type, `it is not valid ${encoding} text`);
      }
      return text;
    };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (bytes) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new CorruptDocumentError(type, 'it is not valid UTF-8 text');
    }
  };
}

/**
 * Regroups streamed text into segments of about `targetChars`, cut at a blank line where possible (the blank line
 * is the "\n\n" that joins segments in the document's full text); failing that at a line break, failing that
 * anywhere (never inside a grapheme cluster). Always yields at least one segment.
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
  const end = graphemeBoundaryAtOrBefore(buffer, target);
  return { end, next: end };
}

/** Drops characters PostgreSQL text cannot hold (NUL) from text a binary-format library extracted. */
export function sanitizeExtractedText(text: string): string {
  return text.replace(/\0/g, '');
}
