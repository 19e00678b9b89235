import { ApiProperty } from '@nestjs/swagger';

export class RemoteWorkerLeaseDto {
  @ApiProperty({ format: 'uuid' }) lease_id!: string;
  @ApiProperty({ example: 'file:0b7c…:graph' }) job_id!: string;
  @ApiProperty({ example: 'kg_extraction' }) queue!: string;
  @ApiProperty({ format: 'date-time' }) leased_at!: string;
  @ApiProperty({ format: 'date-time' }) lease_expires_at!: string;
}

/** A remote worker's token (never the token itself nor its digest) and the leases it holds. */
export class RemoteWorkerInfoDto {
  @ApiProperty({ format: 'uuid', description: 'The remote-worker token it authenticates with (its id only)' }) token_id!: string;
  @ApiProperty({ example: 'office GPU box', description: "The token's name" }) token_name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "Set: it only gets this user's jobs" }) user_id!: string | null;
  @ApiProperty({ type: [RemoteWorkerLeaseDto], description: 'Leases it holds (not answered, not expired), oldest first' })
  leases!: RemoteWorkerLeaseDto[];
}

export class WorkerDto {
  @ApiProperty({ example: 'api-1.1234.ab12' }) name!: string;
  @ApiProperty({ enum: ['busy', 'idle', 'dead'], example: 'busy', description: 'dead after two missed heartbeats' })
  state!: string;
  @ApiProperty({ type: [String], example: ['file_processing', 'vectorization'] }) queues!: string[];
  @ApiProperty({ type: [String], example: ['default'], description: 'Worker pools it serves for its queues (WORKER_POOLS)' })
  pools!: string[];
  @ApiProperty({ example: 'bull', description: 'QUEUE_PREFIX of the worker (only this system\'s workers are listed)' })
  queue_prefix!: string;
  @ApiProperty({ type: String, nullable: true, example: '42' }) current_job_id!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the current job started' })
  current_job_started_at!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T20:00:00.000Z' }) birth_date!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T21:00:00.000Z' }) last_heartbeat!: string;
  @ApiProperty({ example: 5000 }) heartbeat_interval_ms!: number;
  @ApiProperty({ example: 118 }) successful_job_count!: number;
  @ApiProperty({ example: 2 }) failed_job_count!: number;
  @ApiProperty({ example: 351200 }) total_working_time_ms!: number;
  @ApiProperty({ example: 1234 }) pid!: number;
  @ApiProperty({ example: 'api-1' }) hostname!: string;
  @ApiProperty({ example: 183_500_800, description: 'Resident set size at the last heartbeat (0 from older workers)' })
  rss_bytes!: number;
  @ApiProperty({
    enum: ['local', 'remote'],
    description: 'local: an in-house worker process; remote: a remote-worker token that claimed or heartbeated lately ' +
      '(name `remote.<token id>`, queues: those its last claim asked for, pools: its token\'s pool, last_heartbeat: last seen)',
  })
  kind!: 'local' | 'remote';
  @ApiProperty({ type: RemoteWorkerInfoDto, nullable: true, description: 'Remote workers only (null for local ones)' })
  remote!: RemoteWorkerInfoDto | null;
}

export class WorkerListDto {
  @ApiProperty({ type: [WorkerDto] }) workers!: WorkerDto[];
  @ApiProperty({ example: 1 }) count!: number;
}
