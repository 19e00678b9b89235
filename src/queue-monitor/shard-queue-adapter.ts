import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { type Queue } from 'bullmq';

/**
 * A queue of one shard in Bull Board, named `<queue> [shard <n>]`: Bull Board keys its queues by name, and every
 * shard holds a queue of the same name.
 */
export class ShardQueueAdapter extends BullMQAdapter {
  constructor(
    queue: Queue,
    private readonly shard: string,
  ) {
    super(queue);
  }

  override getName(): string {
    return `${super.getName()} [shard ${this.shard}]`;
  }
}
