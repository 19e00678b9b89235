import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { FileRecordsService } from '../files/file-records.service.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { VectorizedFileGoneError } from '../vectors/vectors.errors.js';
import type { VectorizeFilePayload } from '../vectors/vectors.jobs.js';
import { RemoteChunkInput } from './remote-chunk-input.js';
import type { RemoteInputLine, RemoteStep } from './remote-step.js';
import { RemoteVectorsWriter } from './remote-vectors.writer.js';

/** vectorize-file run remotely: the file's chunks out, one vector per chunk back (as VectorsService.regenerateFile). */
@Injectable()
export class RemoteVectorizationStep implements RemoteStep {
  readonly queue = QueueName.Vectorization;

  constructor(
    private readonly files: FileRecordsService,
    private readonly chunks: RemoteChunkInput,
    private readonly vectors: RemoteVectorsWriter,
  ) {}

  accepts(job: Job): boolean {
    return job.name === 'vectorize-file';
  }

  async prepare(): Promise<void> {}

  async *input(job: Job): AsyncIterable<RemoteInputLine> {
    const file = await this.fileOf(job);
    yield* this.chunks.lines(file.id, ['vectors']);
  }

  async write(job: Job, result: unknown): Promise<{ count: number }> {
    const file = await this.fileOf(job);
    const chunks = await this.chunks.current(file.id);
    const byChunk = await this.vectors.check(result, chunks);
    return this.vectors.write(file, chunks, byChunk);
  }

  private async fileOf(job: Job): Promise<{ id: string; owner_id: string }> {
    const { file_id } = job.data as VectorizeFilePayload;
    const file = await this.files.getFile(file_id);
    if (!file) throw new VectorizedFileGoneError(file_id);
    return file;
  }
}
