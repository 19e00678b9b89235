import { Global, Module } from '@nestjs/common';
import { BlobStorage } from './blob-storage.js';

@Global()
@Module({ providers: [BlobStorage], exports: [BlobStorage] })
export class StorageModule {}
