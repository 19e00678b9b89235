import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators.js';
import { ResponseMessage } from '../../common/http/response-message.decorator.js';
import { ApiAdminErrors, ApiBadInput, ApiEnvelope, ApiQueueNotFound, errorExample } from '../dto/api-envelope.decorator.js';
import { MigrationParams, MigrationProgressDto, MigrationStartedDto, StartMigrationDto } from './dto/start-migration.dto.js';
import { type MigrationProgress } from './migration-progress.js';
import { MigrationService } from './migration.service.js';

/** Moving jobs between queue shards and queues (drain a shard, move a backlog). Admins only. */
@ApiTags('queue monitor')
@ApiBearerAuth('bearer')
@ApiAdminErrors()
@Roles('admin')
@Controller('rq/migrations')
export class MigrationsController {
  constructor(private readonly migrations: MigrationService) {}

  @Post()
  @HttpCode(202)
  @ResponseMessage('Migration started')
  @ApiOperation({
    summary:
      'Move waiting, delayed and failed jobs of a queue to another shard or queue (id, data, options, remaining attempts and delay kept; running jobs stay); runs in the background, resumable',
  })
  @ApiExtraModels(MigrationStartedDto)
  @ApiAcceptedResponse({
    description: 'Success envelope: the migration runs in the background (GET it by id for progress)',
    schema: {
      type: 'object',
      required: ['success', 'data', 'message'],
      properties: {
        success: { type: 'boolean', example: true },
        data: { $ref: getSchemaPath(MigrationStartedDto) },
        message: { type: 'string', example: 'Migration started' },
      },
    },
  })
  @ApiQueueNotFound()
  @ApiBadInput()
  @ApiConflictResponse({
    description: 'MIGRATION_RUNNING: a migration of this source queue (shard and queue) runs, here, in another process or the CLI',
    ...errorExample('MIGRATION_RUNNING', 'A migration of queue "vectorization" on shard "0" is running (…); wait for it to end'),
  })
  start(@Body() body: StartMigrationDto): Promise<{ migration_id: string }> {
    return this.migrations.start({
      queue: body.queue,
      from_shard: body.from_shard,
      to_shard: body.to_shard ?? body.from_shard,
      to_queue: body.to_queue ?? body.queue,
      states: body.states,
      limit: body.limit,
    });
  }

  @Get(':migration_id')
  @ApiOperation({ summary: "A migration's progress: moved, skipped, failed, done" })
  @ApiEnvelope(MigrationProgressDto)
  progress(@Param() params: MigrationParams): Promise<MigrationProgress> {
    return this.migrations.progress(params.migration_id);
  }
}
