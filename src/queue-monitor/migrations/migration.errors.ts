import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';

/** Another migration of the same source queue runs (in this process, another API process or the CLI). */
export class MigrationRunningError extends DomainError {
  constructor(queue: string, shard: string, runningId: string) {
    super(
      'MIGRATION_RUNNING',
      `A migration of queue "${queue}" on shard "${shard}" is running (${runningId}); wait for it to end`,
      HttpStatus.CONFLICT,
      { queue, from_shard: shard, migration_id: runningId },
    );
  }
}
