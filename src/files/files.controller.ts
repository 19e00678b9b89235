import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../common/auth/auth.decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { RawResponse, ResponseMessage } from '../common/http/response-message.decorator.js';
import { writeServerSentEvents } from '../common/http/server-sent-events.js';
import { ChunkListResponseDto } from './dto/chunk-response.dto.js';
import {
  DuplicateUploadResponseDto,
  FileListResponseDto,
  FileResponseDto,
  UploadAcceptedResponseDto,
} from './dto/file-response.dto.js';
import { ListFilesQueryDto, PageQueryDto, UploadQueryDto } from './dto/files-query.dto.js';
import { ProcessingStatusResponseDto, UploadProgressResponseDto } from './dto/processing-status-response.dto.js';
import { ProcessingStatus } from './file-core.types.js';
import { FilesService } from './files.service.js';
import { FileUploadService } from './upload/file-upload.service.js';
import { UploadProgress } from './upload/upload-progress.repository.js';

@ApiTags('files')
@ApiBearerAuth('bearer')
@Controller('files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly uploads: FileUploadService,
  ) {}

  @Post(['', 'upload'])
  @HttpCode(HttpStatus.ACCEPTED)
  @ResponseMessage('File uploaded')
  @ApiOperation({
    summary: 'Upload a document (streamed); queues its processing',
    description:
      'Accepted: pdf, docx, html, md, txt, csv, json (decided by content, plus extension for text formats). ' +
      'Same content uploaded again by the same user answers 200 with the existing file and `duplicate: true`, ' +
      'unless `reprocess=true`. Pass your own uuid as X-File-Id (or a `file_id` field before `file`) to poll ' +
      "upload progress while uploading. POST /api/v1/files/upload is the original system's route for the same " +
      'operation (same request and answers); both are served.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file_id: { type: 'string', format: 'uuid' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiHeader({ name: 'X-File-Id', required: false, description: 'Client-chosen file id (uuid)' })
  @ApiResponse({ status: 202, type: UploadAcceptedResponseDto })
  @ApiResponse({ status: 200, type: DuplicateUploadResponseDto, description: 'Duplicate content: no new job' })
  @ApiResponse({ status: 400, description: 'No `file` part, malformed multipart or bad X-File-Id' })
  @ApiResponse({ status: 413, description: 'Larger than UPLOAD_MAX_BYTES' })
  @ApiResponse({ status: 415, description: 'Not an accepted document type' })
  @ApiResponse({ status: 422, description: 'Empty file' })
  @ApiResponse({ status: 403, description: 'PRIORITY_NOT_ALLOWED: priority=high without the quota for it' })
  @ApiResponse({
    status: 429,
    description: 'QUOTA_EXCEEDED: {quota, limit, used} (active_jobs, storage_bytes, files, uploads_per_hour); Retry-After when waiting helps',
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Query() query: UploadQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadAcceptedResponseDto | DuplicateUploadResponseDto> {
    const outcome = await this.uploads.upload(req, user, { reprocess: query.reprocess, priority: query.priority });
    if (outcome.kind === 'duplicate') {
      res.status(HttpStatus.OK);
      return { ...FileResponseDto.from(outcome.file), duplicate: true };
    }
    return { file_id: outcome.file_id, job_id: outcome.job_id, status: outcome.status };
  }

  @Get()
  @ResponseMessage('Files retrieved')
  @ApiOperation({ summary: "The caller's files (admin: all), newest first" })
  @ApiResponse({ status: 200, type: FileListResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListFilesQueryDto): Promise<FileListResponseDto> {
    return this.files.list(user, query);
  }

  @Get(':file_id')
  @ResponseMessage('File retrieved')
  @ApiOperation({ summary: 'One file' })
  @ApiResponse({ status: 200, type: FileResponseDto })
  @ApiResponse({ status: 404, description: 'No such file, or not yours' })
  get(@CurrentUser() user: AuthUser, @Param('file_id') fileId: string): Promise<FileResponseDto> {
    return this.files.get(user, fileId);
  }

  @Get(':file_id/status')
  @ResponseMessage('Processing status retrieved')
  @ApiOperation({ summary: 'Processing status: live from Redis, or the stored final state once the key expired' })
  @ApiResponse({ status: 200, type: ProcessingStatusResponseDto })
  status(@CurrentUser() user: AuthUser, @Param('file_id') fileId: string): Promise<ProcessingStatus> {
    return this.files.processingStatus(user, fileId);
  }

  @Get(':file_id/events')
  @RawResponse()
  @ApiOperation({ summary: 'Server-Sent Events: every status change (event `status`) until completed or failed' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, type: ProcessingStatusResponseDto, description: "Each event's data" })
  @ApiResponse({ status: 404, description: 'No such file, or not yours (JSON error envelope)' })
  async events(@CurrentUser() user: AuthUser, @Param('file_id') fileId: string, @Res() res: Response): Promise<void> {
    // Resolved before any header is written, so a missing file is still a JSON 404.
    writeServerSentEvents(res, await this.files.statusEvents(user, fileId));
  }

  @Get(':file_id/upload-progress')
  @ResponseMessage('Upload progress retrieved')
  @ApiOperation({ summary: 'Upload progress (kept one hour)' })
  @ApiResponse({ status: 200, type: UploadProgressResponseDto })
  uploadProgress(@CurrentUser() user: AuthUser, @Param('file_id') fileId: string): Promise<UploadProgress> {
    return this.files.getUploadProgress(user, fileId);
  }

  @Get(':file_id/chunks')
  @ResponseMessage('Chunks retrieved')
  @ApiOperation({ summary: "The file's chunks, by chunk_index" })
  @ApiResponse({ status: 200, type: ChunkListResponseDto })
  chunks(
    @CurrentUser() user: AuthUser,
    @Param('file_id') fileId: string,
    @Query() query: PageQueryDto,
  ): Promise<ChunkListResponseDto> {
    return this.files.chunkPage(user, fileId, query);
  }

  @Delete(':file_id')
  @ResponseMessage('File deleted')
  @ApiOperation({ summary: 'Cancel its jobs; remove blob, chunks, vectors, graph contributions and status' })
  @ApiResponse({ status: 200, description: '{file_id, deleted: true}' })
  delete(@CurrentUser() user: AuthUser, @Param('file_id') fileId: string): Promise<{ file_id: string; deleted: true }> {
    return this.files.delete(user, fileId);
  }
}
