/** Shared by the files benchmarks (upload-memory, pipeline): streams a generated text file as a multipart upload. */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { BenchApi } from './bench-api.js';

const WORDS =
  'the quarterly revenue of each business unit changed after Acme Corporation merged with Globex Industries in Berlin'.split(' ');

/** Streams `bytes` of generated UTF-8 text as the `file` part of POST /api/v1/files; never held whole in memory. */
export function uploadGeneratedText(api: BenchApi, bytes: number, filename: string): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: text/plain\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = textBlock(1024 * 1024, randomBytes(4).toString('hex'));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: api.port,
        path: '/api/v1/files',
        method: 'POST',
        headers: {
          authorization: `Bearer ${api.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + bytes + tail.length,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const part = sent + block.length <= bytes ? block : block.subarray(0, bytes - sent);
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    req.write(head);
    pump();
  });
}

/** One block of sentence-like ASCII text, made unique by `salt` so uploads are never duplicates. */
function textBlock(size: number, salt: string): Buffer {
  let text = '';
  for (let n = 0; text.length < size; n++) {
    text += `Paragraph ${salt}-${n}: ` + Array.from({ length: 16 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ') + '.\n\n';
  }
  return Buffer.from(text.slice(0, size), 'ascii');
}







