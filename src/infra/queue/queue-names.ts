/** Every BullMQ queue of the system. Names are the original RQ queue names. */
export enum QueueName {
  FileProcessing = 'file_processing',
  Vectorization = 'vectorization',
  KgExtraction = 'kg_extraction',
  TokenRevocation = 'token_revocation',
  MemoryConsolidation = 'memory_consolidation',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export function isQueueName(value: string): value is QueueName {
  return (ALL_QUEUES as readonly string[]).includes(value);
}
