import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { POOL_NAME_PATTERN } from '../../infra/queue/routing/pool-queue-name.js';

export class CreateRemoteWorkerTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'office GPU box' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ pattern: POOL_NAME_PATTERN.source, example: 'default', description: 'The worker pool whose queues it serves' })
  @IsString()
  @Matches(POOL_NAME_PATTERN)
  pool!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Set: the token only ever gets this user's jobs" })
  @IsOptional()
  @IsUUID()
  user_id?: string;
}
