import { Module } from '@nestjs/common';
import { GraphModule } from '../graph/graph.module.js';
import { UserJobsModule } from '../jobs/user-jobs.module.js';
import { VectorsModule } from '../vectors/vectors.module.js';
import { BatchUploadService } from './batches/batch-upload.service.js';
import { UploadBatchStatusService } from './batches/upload-batch-status.service.js';
import { UploadBatchesController } from './batches/upload-batches.controller.js';
import { UploadBatchesRepository } from './batches/upload-batches.repository.js';
import { FileCoreModule } from './file-core.module.js';
import { FileJobsCanceller } from './file-jobs.canceller.js';
import { FileJobsReconciler } from './file-jobs.reconciler.js';
import { FilePipelineService } from './file-pipeline.service.js';
import { FileProcessingQueue } from './file-processing.queue.js';
import { FilesController } from './files.controller.js';
import { FilesProcessor } from './files.processor.js';
import { FilesService } from './files.service.js';
import { ProcessingEventsSubscriber } from './processing-events.subscriber.js';
import { FileUploadService } from './upload/file-upload.service.js';
import { MultipartFileReceiver } from './upload/multipart-file.receiver.js';
import { UploadProgressRepository } from './upload/upload-progress.repository.js';

/** Upload, the files routes and the file_processing pipeline (parse → chunk → vectorize → store → graph). */
@Module({
  imports: [FileCoreModule, VectorsModule, GraphModule, UserJobsModule],
  controllers: [UploadBatchesController, FilesController],
  providers: [
    MultipartFileReceiver,
    UploadProgressRepository,
    FileUploadService,
    BatchUploadService,
    UploadBatchesRepository,
    UploadBatchStatusService,
    FileProcessingQueue,
    FileJobsCanceller,
    ProcessingEventsSubscriber,
    FilesService,
    FilePipelineService,
    FilesProcessor,
    FileJobsReconciler,
  ],
})
export class FilesModule {}
