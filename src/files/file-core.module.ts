import { Module } from '@nestjs/common';
import { TextChunker } from './chunking/text-chunker.js';
import { FileChunksRepository } from './file-chunks.repository.js';
import { FileChunksService } from './file-chunks.service.js';
import { FileRecordsService } from './file-records.service.js';
import { FileRunService } from './file-run.service.js';
import { FilesRepository } from './files.repository.js';
import { DocumentParser } from './parsing/document-parser.js';
import { IsolatedDocumentParser } from './parsing/isolated-document-parser.js';
import { ProcessingStatusRepository } from './processing-status.repository.js';
import { ProcessingStatusService } from './processing-status.service.js';

/**
 * The files and chunks tables and the processing status, shared by the pipeline's stage owners (vectors, graph)
 * without a dependency cycle: FileCoreModule ← VectorsModule ← GraphModule ← FilesModule.
 */
@Module({
  providers: [
    FilesRepository,
    FileChunksRepository,
    ProcessingStatusRepository,
    DocumentParser,
    IsolatedDocumentParser,
    TextChunker,
    FileRecordsService,
    FileChunksService,
    ProcessingStatusService,
    FileRunService,
  ],
  exports: [
    FileRecordsService,
    FileRunService,
    FileChunksService,
    ProcessingStatusService,
    // For the files module's own upload and pipeline.
    FilesRepository,
    DocumentParser,
  ],
})
export class FileCoreModule {}
