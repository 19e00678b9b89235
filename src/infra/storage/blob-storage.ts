import { createReadStream, createWriteStream, ReadStream, WriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Uploaded blobs under DATA_DIR/uploads. Blob names are ours (ids), never the client's file name, so no name a
 * client sends can reach the filesystem.
 */
@Injectable()
export class BlobStorage implements OnModuleInit {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = join(config.dataDir, 'uploads');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.root, { recursive: true });
  }

  pathOf(blobId: string): string {
    if (!SAFE_ID.test(blobId)) throw new Error(`Unsafe blob id: ${blobId}`);
    return join(this.root, blobId);
  }

  createWriteStream(blobId: string): WriteStream {
    return createWriteStream(this.pathOf(blobId), { flags: 'w' });
  }

  createReadStream(blobId: string): ReadStream {
    return createReadStream(this.pathOf(blobId));
  }

  async size(blobId: string): Promise<number | undefined> {
    return stat(this.pathOf(blobId)).then(
      (s) => s.size,
      () => undefined,
    );
  }

  async remove(blobId: string): Promise<void> {
    await rm(this.pathOf(blobId), { force: true });
  }
}
