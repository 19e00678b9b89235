import { QueueName } from '../infra/queue/queue-names.js';

/**
 * The queues whose step a remote worker can run from what the API streams it (a file's chunks) and whose result the
 * API writes: embedding (vectorization) and graph extraction (kg_extraction). Parsing needs our storage: in-house only.
 */
export const REMOTE_QUEUES = [QueueName.Vectorization, QueueName.KgExtraction] as const;
export type RemoteQueue = (typeof REMOTE_QUEUES)[number];

export function isRemoteQueue(value: string): value is RemoteQueue {
  return (REMOTE_QUEUES as readonly string[]).includes(value);
}
