import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import busboy from 'busboy';
import { graphemeBoundaryAtOrBefore } from '../../common/text/grapheme-boundary.js';
import { BlobStorage } from '../../infra/storage/blob-storage.js';
import { FileTooLargeError, InvalidMultipartError, NoFilePartError, TooManyFilesError, UploadAbortedError } from '../files.errors.js';

/** The one file part of an upload, already on disk under `blob_id` (our name, never the client's). */
export interface ReceivedFile {
  blob_id: string;
  /** The client's name, reduced to a base name without control characters: metadata only. */
  filename: string;
  declared_mime_type: string;
  size: number;
  sha256: string;
  /** The first bytes, for content sniffing. */
  head: Buffer;
}

/** One part of a batch: stored, or refused with its error. */
export type ReceivedPart = { filename: string; file: ReceivedFile; error?: never } | { filename: string; file?: never; error: unknown };

export interface ReceiveOptions {
  maxBytes: number;
  headBytes: number;
  /**
   * Called when the `file` part begins, with the form fields sent before it. May throw to refuse the upload; returns
   * the function told about the bytes received so far.
   */
  onFileStart(fields: Record<string, string>): Promise<(bytesReceived: number) => void>;
  /**
   * Asked with the bytes received so far before they are written (after `onFileStart`); throws to cut the upload off
   * there (a storage quota), so a file over the limit is never stored whole.
   */
  admitBytes?(bytesReceived: number): Promise<void>;
}

/**
 * Streams the `file` part of a multipart request to blob storage, hashing and measuring it on the way: the file is
 * never held in memory, and on any failure (too large, aborted, malformed) nothing of it stays on disk.
 */
@Injectable()
export class MultipartFileReceiver {
  constructor(private readonly blobs: BlobStorage) {}

  async receive(req: IncomingMessage, options: ReceiveOptions): Promise<ReceivedFile> {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // One byte over the limit is enough to know the file is too large; the rest is discarded unread.
        limits: { files: 1, fileSize: options.maxBytes + 1, fields: 20, fieldSize: 64 * 1024 },
      });
    } catch (error) {
      req.resume();
      throw new InvalidMultipartError(error instanceof Error ? error.message : 'unreadable request');
    }

    return new Promise<ReceivedFile>((resolve, reject) => {
      const fields: Record<string, string> = {};
      let stored: Promise<ReceivedFile> | undefined;
      let fileStream: Readable | undefined;
      let settled = false;

      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        req.unpipe(parser);
        req.resume();
        // Ends a file still being written (its pipeline then rejects and removes the blob).
        if (fileStream && !fileStream.readableEnded) fileStream.destroy();
        // Wait for the file's own cleanup (it removes its blob) before answering.
        void (stored ?? Promise.resolve()).catch(() => undefined).then(() => reject(error));
      };

      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || stored) {
          stream.resume();
          return;
        }
        fileStream = stream;
        stored = this.store(stream, info, fields, options);
        stored.catch((error: Error) => fail(error));
      });
      parser.on('error', (error: Error) => fail(new InvalidMultipartError(error.message)));
      parser.on('close', () => {
        if (!stored) return fail(new NoFilePartError());
        stored.then(
          (file) => {
            if (settled) return void this.blobs.remove(file.blob_id);
            settled = true;
            resolve(file);
          },
          (error: Error) => fail(error),
        );
      });
      req.on('close', () => {
        if (!req.complete) fail(new UploadAbortedError());
      });
      req.pipe(parser);
    });
  }

  /**
   * Streams each `file` part of a multipart request (a batch) to blob storage in turn, with the same checks as
   * `receive`, and hands each to `handle` as it is stored, or with the error that refused it (too large, refused by
   * `onFileStart`, past `maxFiles`): one bad part does not stop the others. Rejects only when the request itself is
   * unreadable or aborted, after the parts already handled.
   */
  async receiveEach(
    req: IncomingMessage,
    options: { maxFiles: number; optionsFor: (index: number) => ReceiveOptions },
    handle: (part: ReceivedPart, index: number) => Promise<void>,
  ): Promise<number> {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fields: 20, fieldSize: 64 * 1024 } });
    } catch (error) {
      req.resume();
      throw new InvalidMultipartError(error instanceof Error ? error.message : 'unreadable request');
    }
    return new Promise<number>((resolve, reject) => {
      const fields: Record<string, string> = {};
      let parts = 0;
      let handled: Promise<void> = Promise.resolve();
      let failure: Error | undefined;
      let current: Readable | undefined;
      const finish = () => void handled.then(() => (failure ? reject(failure) : resolve(parts)));
      // Parts are handled one after the other (busboy holds the next part until this one is read); a handler that
      // throws (not a refusal: Redis or the database down) stops the batch there.
      const next = (step: () => Promise<void>) => {
        handled = handled.then(() => (failure ? undefined : step())).catch((error: Error) => fail(error));
      };
      const fail = (error: Error) => {
        failure ??= error;
        req.unpipe(parser);
        req.resume();
        // Ends a part still being written (its store then fails and removes the blob).
        if (current && !current.readableEnded) current.destroy();
        finish();
      };
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || failure) return void stream.resume();
        const index = parts;
        parts += 1;
        const filename = safeFilename(info.filename);
        if (parts > options.maxFiles) {
          stream.resume();
          next(() => handle({ filename, error: new TooManyFilesError(options.maxFiles) }, index));
          return;
        }
        const partOptions = options.optionsFor(index);
        current = stream;
        next(async () => {
          const stored = await this.store(stream, info, fields, partOptions, true).then(
            (file) => ({ filename, file }),
            (error: unknown) => {
              stream.resume();
              return { filename, error };
            },
          );
          await handle(stored, index);
        });
      });
      parser.on('error', (error: Error) => fail(new InvalidMultipartError(error.message)));
      parser.on('close', () => (parts === 0 ? fail(new NoFilePartError()) : finish()));
      req.on('close', () => {
        if (!req.complete) fail(new UploadAbortedError());
      });
      req.pipe(parser);
    });
  }

  private async store(
    stream: Readable & { truncated?: boolean },
    info: busboy.FileInfo,
    fields: Record<string, string>,
    options: ReceiveOptions,
    /** A batch part: a refused part is read to its end (not written) so that the next part can be read. */
    drainRefused = false,
  ): Promise<ReceivedFile> {
    let onProgress: (bytes: number) => void;
    try {
      onProgress = await options.onFileStart({ ...fields });
    } catch (error) {
      stream.resume();
      throw error;
    }
    const blobId = randomUUID();
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    let refusal: Error | undefined;
    const refuse = (error: Error, callback: (error?: Error | null) => void) => {
      if (!drainRefused) return callback(error);
      refusal = error;
      callback();
    };
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (refusal) return callback();
        size += chunk.length;
        if (drainRefused && size > options.maxBytes) return refuse(new FileTooLargeError(options.maxBytes), callback);
        hash.update(chunk);
        if (headLength < options.headBytes) {
          const part = chunk.subarray(0, options.headBytes - headLength);
          head.push(Buffer.from(part));
          headLength += part.length;
        }
        if (!options.admitBytes) {
          onProgress(size);
          return callback(null, chunk);
        }
        options.admitBytes(size).then(
          () => {
            onProgress(size);
            callback(null, chunk);
          },
          (error: Error) => refuse(error, callback),
        );
      },
    });
    try {
      await pipeline(stream, meter, this.blobs.createWriteStream(blobId));
      if (refusal) throw refusal;
      if (stream.truncated || size > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
    } catch (error) {
      await this.blobs.remove(blobId);
      throw error;
    }
    return {
      blob_id: blobId,
      filename: safeFilename(info.filename),
      declared_mime_type: info.mimeType,
      size,
      sha256: hash.digest('hex'),
      head: Buffer.concat(head),
    };
  }
}

const MAX_FILENAME_CHARS = 255;

/**
 * The client's file name as metadata: its last path segment, no control characters, at most 255 UTF-16 units.
 * Busboy decodes both `filename="…"` (UTF-8) and RFC 5987 `filename*=UTF-8''…` (which wins), so names in any script
 * arrive as sent.
 */
export function safeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const trimmed = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  // Never cut inside a character or emoji (a CJK or emoji name longer than the limit stays valid text).
  const cleaned = trimmed.slice(0, graphemeBoundaryAtOrBefore(trimmed, MAX_FILENAME_CHARS));
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
}
