import { UnrecoverableError } from 'bullmq';
import { type JobContext, type TypedJob } from '../infra/queue/queue-processor.js';
import { EmbeddingDimensionMismatchError, EmbeddingProviderError, VectorizedFileGoneError } from './vectors.errors.js';
import { type VectorsJob } from './vectors.jobs.js';
import { VectorsProcessor } from './vectors.processor.js';
import { type VectorsService } from './vectors.service.js';

describe('VectorsProcessor', () => {
  const job = { name: 'vectorize-file', data: { file_id: 'f1' } } as TypedJob<VectorsJob>;
  const context = { signal: new AbortController().signal } as JobContext;
  const processorFailingWith = (error: Error) =>
    new VectorsProcessor({ regenerateFile: async () => Promise.reject(error) } as unknown as VectorsService);

  it('maps vectorize-file to one regenerateFile call with the job signal', async () => {
    const calls: unknown[][] = [];
    const service = { regenerateFile: async (...args: unknown[]) => (calls.push(args), { count: 3 }) };
    const processor = new VectorsProcessor(service as unknown as VectorsService);
    expect(await processor.process(job, context)).toEqual({ count: 3 });
    expect(calls).toEqual([['f1', context.signal]]);
  });

  it.each([
    ['a deleted file', new VectorizedFileGoneError('f1')],
    ['a wrong dimension', new EmbeddingDimensionMismatchError('m', 384, 3)],
    ['a permanent provider error', new EmbeddingProviderError('401', false)],
  ])('fails %s without retrying (UnrecoverableError)', async (_what, error) => {
    await expect(processorFailingWith(error).process(job, context)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('lets retryable failures through for BullMQ to retry', async () => {
    const error = new EmbeddingProviderError('503', true);
    await expect(processorFailingWith(error).process(job, context)).rejects.toBe(error);
  });
});
