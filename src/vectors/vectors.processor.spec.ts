import { type JobContext, type TypedJob } from '../infra/queue/queue-processor.js';
import { EmbeddingDimensionMismatchError, EmbeddingProviderError, VectorizedFileGoneError } from './vectors.errors.js';
import { type VectorsJob } from './vectors.jobs.js';
import { VectorsProcessor } from './vectors.processor.js';
import { type FileRunService } from '../files/file-run.service.js';
import { type VectorsService } from './vectors.service.js';

describe('VectorsProcessor', () => {
  const job = { name: 'vectorize-file', data: { file_id: 'f1' } } as TypedJob<VectorsJob>;
  const context = { signal: new AbortController().signal } as JobContext;
  const processorFailingWith = (error: Error) =>
    new VectorsProcessor({ regenerateFile: async () => Promise.reject(error) } as unknown as VectorsService, {} as FileRunService);

  it('maps vectorize-file to one regenerateFile call with the job signal', async () => {
    const calls: unknown[][] = [];
    const service = { regenerateFile: async (...args: unknown[]) => (calls.push(args), { count: 3 }) };
    const processor = new VectorsProcessor(service as unknown as VectorsService, {} as FileRunService);
    expect(await processor.process(job, context)).toEqual({ count: 3 });
    expect(calls).toEqual([['f1', context.signal]]);
  });

  it.each([
    ['a deleted file', new VectorizedFileGoneError('f1')],
    ['a wrong dimension', new EmbeddingDimensionMismatchError('m', 384, 3)],
    ['a permanent provider error', new EmbeddingProviderError('401', false)],
  ])('classes %s as permanent (the runner fails it without retrying)', async (_what, error) => {
    const processor = processorFailingWith(error);
    await expect(processor.process(job, context)).rejects.toBe(error);
    expect(processor.isPermanentFailure(error)).toBe(true);
  });

  it('lets retryable failures through for BullMQ to retry', async () => {
    const error = new EmbeddingProviderError('503', true);
    await expect(processorFailingWith(error).process(job, context)).rejects.toBe(error);
    expect(processorFailingWith(error).isPermanentFailure(error)).toBe(false);
  });

  it('marks the stages a failed regeneration left running failed', async () => {
    const calls: unknown[][] = [];
    const service = { settleFailedRegeneration: async (...args: unknown[]) => void calls.push(args) };
    await new VectorsProcessor(service as unknown as VectorsService, {} as FileRunService).settleFailedJob(job, 'WORKER_LOST: gone');
    expect(calls).toEqual([['f1', 'WORKER_LOST: gone']]);
  });

  it("fails the file's run when the run's own embedding step failed for good", async () => {
    const calls: unknown[][] = [];
    const run = { settleFailedRun: async (...args: unknown[]) => void calls.push(args) };
    const step = { name: 'vectorize-file', data: { file_id: 'f1', ends_text_stage: true } } as const;
    await new VectorsProcessor({} as VectorsService, run as unknown as FileRunService).settleFailedJob(step, 'EMBEDDING_FAILED: 401');
    expect(calls).toEqual([['f1', 'EMBEDDING_FAILED: 401']]);
  });
});
