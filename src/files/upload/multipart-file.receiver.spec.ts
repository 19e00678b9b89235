import type { IncomingMessage } from 'node:http';
import { Readable, Writable } from 'node:stream';
import type { BlobStorage } from '../../infra/storage/blob-storage.js';
import { MultipartFileReceiver, safeFilename } from './multipart-file.receiver.js';

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['re\u0000port\u001f.txt', 'report.txt'],
    ['  résumé 2024.pdf ', 'résumé 2024.pdf'],
    ['維運手冊（繁體）.md', '維運手冊（繁體）.md'],
    ['C:\\資料\\新闻稿 2026.txt', '新闻稿 2026.txt'],
    ['東京 👩‍💻 記事.txt', '東京 👩‍💻 記事.txt'],
    ['..', 'upload'],
    ['', 'upload'],
    [undefined, 'upload'],
  ])('reduces %j to metadata %j', (input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });

  it('caps the name at 255 characters', () => {
    expect(safeFilename('a'.repeat(300) + '.txt')).toHaveLength(255);
  });

  it('never cuts a long CJK or emoji name inside a character', () => {
    const name = safeFilename('a' + '𠀋'.repeat(200) + '.txt');
    expect(name).toBe('a' + '𠀋'.repeat(127));
    expect(safeFilename('👩‍👩‍👧‍👦'.repeat(30)).length % 11).toBe(0);
  });
});

describe('MultipartFileReceiver byte admission (storage quota)', () => {
  it('cuts the upload off where admitBytes refuses: the rest is never written, the partial blob is removed', async () => {
    const written = new Map<string, number>();
    const removed: string[] = [];
    const blobs = {
      createWriteStream: (id: string) =>
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            written.set(id, (written.get(id) ?? 0) + chunk.length);
            callback();
          },
        }),
      remove: async (id: string) => void removed.push(id),
    };
    const head = Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n');
    const chunks = [head, ...Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 97)), Buffer.from('\r\n--b--\r\n')];
    const req = Object.assign(Readable.from(chunks), {
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      complete: true,
    }) as unknown as IncomingMessage;
    const admitted: number[] = [];
    const receiving = new MultipartFileReceiver(blobs as unknown as BlobStorage).receive(req, {
      maxBytes: 100 * 1024 * 1024,
      headBytes: 16,
      onFileStart: async () => () => undefined,
      admitBytes: async (bytes) => {
        admitted.push(bytes);
        if (bytes > 256 * 1024) throw new Error('over the storage quota');
      },
    });
    await expect(receiving).rejects.toThrow('over the storage quota');
    const [blobId] = [...written.keys()];
    expect(written.get(blobId)).toBeLessThanOrEqual(256 * 1024);
    expect(removed).toEqual([blobId]);
    expect(Math.max(...admitted)).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('MultipartFileReceiver.receiveEach (batch)', () => {
  it('stores each file part in turn; a part too large, cut off by admitBytes or past maxFiles is refused alone', async () => {
    const written = new Map<string, number>();
    const removed: string[] = [];
    const blobs = {
      createWriteStream: (id: string) =>
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            written.set(id, (written.get(id) ?? 0) + chunk.length);
            callback();
          },
        }),
      remove: async (id: string) => void removed.push(id),
    };
    const part = (filename: string, body: Buffer[]) => [
      Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\n`),
      ...body,
      Buffer.from('\r\n'),
    ];
    const chunks = [
      ...part('a.txt', [Buffer.from('alpha')]),
      ...part('big.txt', [Buffer.alloc(5000, 98)]),
      ...part('quota.txt', Array.from({ length: 8 }, () => Buffer.alloc(64 * 1024, 99))),
      ...part('d.txt', [Buffer.from('delta')]),
      ...part('e.txt', [Buffer.from('echo')]),
      Buffer.from('--b--\r\n'),
    ];
    const req = Object.assign(Readable.from(chunks), {
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      complete: true,
    }) as unknown as IncomingMessage;
    const handled: string[] = [];
    const count = await new MultipartFileReceiver(blobs as unknown as BlobStorage).receiveEach(
      req,
      {
        maxFiles: 4,
        optionsFor: (index) => ({
          maxBytes: index === 2 ? 1024 * 1024 : 4096,
          headBytes: 16,
          onFileStart: async () => () => undefined,
          admitBytes: async (bytes) => {
            if (bytes > 128 * 1024) throw new Error('over the storage quota');
          },
        }),
      },
      async (received, index) => {
        handled.push(`${index}:${received.filename}:${received.file ? received.file.size : (received.error as Error).message}`);
      },
    );
    expect(count).toBe(5);
    expect(handled).toEqual([
      '0:a.txt:5',
      '1:big.txt:The file is larger than the limit of 4096 bytes',
      '2:quota.txt:over the storage quota',
      '3:d.txt:5',
      '4:e.txt:A batch takes at most 4 files',
    ]);
    expect(removed).toHaveLength(2);
    // A refused part is read to its end but never written past the point it was refused.
    expect(Math.max(...written.values())).toBeLessThanOrEqual(128 * 1024);
  });
});

describe('MultipartFileReceiver.receiveEach when handling a part fails', () => {
  it('stops the batch there and rejects with that error', async () => {
    const blobs = {
      createWriteStream: () => new Writable({ write: (_chunk, _encoding, callback) => callback() }),
      remove: async () => undefined,
    };
    const part = (filename: string) => Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\nbody\r\n`);
    const req = Object.assign(Readable.from([part('a.txt'), part('b.txt'), part('c.txt'), Buffer.from('--b--\r\n')]), {
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      complete: true,
    }) as unknown as IncomingMessage;
    const handled: number[] = [];
    const receiving = new MultipartFileReceiver(blobs as unknown as BlobStorage).receiveEach(
      req,
      { maxFiles: 10, optionsFor: () => ({ maxBytes: 1024, headBytes: 16, onFileStart: async () => () => undefined }) },
      async (_received, index) => {
        if (index === 1) throw new Error('database down');
        handled.push(index);
      },
    );
    await expect(receiving).rejects.toThrow('database down');
    expect(handled).toEqual([0]);
  });
});
