import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.decorators.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { RawResponse, ResponseMessage } from '../../common/http/response-message.decorator.js';
import { writeServerSentEvents } from '../../common/http/server-sent-events.js';
import { UploadQueryDto } from '../dto/files-query.dto.js';
import { BatchUploadService } from './batch-upload.service.js';
import { BatchUploadAcceptedDto, UploadBatchStatusDto } from './dto/upload-batch-response.dto.js';
import { UploadBatchStatusService } from './upload-batch-status.service.js';
import type { UploadBatchView } from './upload-batch.types.js';

@ApiTags('files')
@ApiBearerAuth('bearer')
@Controller('files')
export class UploadBatchesController {
  constructor(
    private readonly uploads: BatchUploadService,
    private readonly status: UploadBatchStatusService,
  ) {}

  @Post('batch')
  @HttpCode(HttpStatus.ACCEPTED)
  @ResponseMessage('Batch uploaded')
  @ApiOperation({
    summary: 'Upload several documents in one request (up to BATCH_MAX_FILES `file` parts)',
    description:
      'Each `file` part obeys the single-upload rules (size, type by content, duplicates, quotas). A part that ' +
      'breaks one is refused with `error: {code, message}` while the others are uploaded; parts past ' +
      'BATCH_MAX_FILES are refused with TOO_MANY_FILES. Follow the batch at GET /api/v1/files/batches/{batch_id}.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiResponse({ status: 202, type: BatchUploadAcceptedDto })
  @ApiResponse({ status: 400, description: 'No `file` part, or malformed multipart' })
  @ApiResponse({ status: 403, description: 'PRIORITY_NOT_ALLOWED: priority=high without the quota for it' })
  upload(@CurrentUser() user: AuthUser, @Query() query: UploadQueryDto, @Req() req: Request): Promise<BatchUploadAcceptedDto> {
    return this.uploads.upload(req, user, { reprocess: query.reprocess, priority: query.priority });
  }

  @Get('batches/:batch_id')
  @ResponseMessage('Batch retrieved')
  @ApiOperation({ summary: "A batch upload's progress: counts by status, searchable files, each file's status" })
  @ApiResponse({ status: 200, type: UploadBatchStatusDto })
  @ApiResponse({ status: 404, description: 'No such batch, or not yours' })
  get(@CurrentUser() user: AuthUser, @Param('batch_id') batchId: string): Promise<UploadBatchView> {
    return this.status.view(user, batchId);
  }

  @Get('batches/:batch_id/events')
  @RawResponse()
  @ApiOperation({ summary: 'Server-Sent Events: the batch (event `batch`) at every change, until every file has ended' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, type: UploadBatchStatusDto, description: "Each event's data" })
  @ApiResponse({ status: 404, description: 'No such batch, or not yours (JSON error envelope)' })
  async events(@CurrentUser() user: AuthUser, @Param('batch_id') batchId: string, @Res() res: Response): Promise<void> {
    writeServerSentEvents(res, await this.status.stream(user, batchId));
  }
}
