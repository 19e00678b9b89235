import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/auth.decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { RegenerateVectorsDto } from './dto/regenerate-vectors.dto.js';
import { SearchVectorsDto } from './dto/search-vectors.dto.js';
import { FileVectorsDto, VectorizeJobDto, VectorSearchResponseDto } from './dto/vector-responses.dto.js';
import { VectorSearchService } from './vector-search.service.js';
import { VectorsService } from './vectors.service.js';

@ApiTags('vectors')
@ApiBearerAuth('bearer')
@Controller('vectors')
export class VectorsController {
  constructor(
    private readonly vectors: VectorsService,
    private readonly searchService: VectorSearchService,
  ) {}

  @Post('search')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Search completed')
  @ApiOperation({
    summary: "Search the caller's chunks (admin: all files): vector (configured model), text (full-text) or hybrid",
  })
  @ApiResponse({ status: 200, type: VectorSearchResponseDto })
  search(@CurrentUser() user: AuthUser, @Body() body: SearchVectorsDto): Promise<VectorSearchResponseDto> {
    return this.searchService.search(user, {
      query: body.query,
      topK: body.top_k,
      mode: body.mode,
      fileIds: body.file_ids,
    });
  }

  @Post(':file_id/regenerate')
  @HttpCode(HttpStatus.ACCEPTED)
  @ResponseMessage('Vector regeneration queued')
  @ApiOperation({ summary: "Queue re-embedding of a file's chunks (same job while one is queued)" })
  @ApiResponse({ status: 202, type: VectorizeJobDto })
  async regenerate(
    @CurrentUser() user: AuthUser,
    @Param('file_id', new ParseUUIDPipe()) fileId: string,
    @Body() body: RegenerateVectorsDto,
  ): Promise<VectorizeJobDto> {
    const task = await this.vectors.requestRegeneration(fileId, user, body.priority);
    // A new job was queued (a worker may already hold it); an existing one reports where it is.
    return { job_id: task.job_id, status: task.created ? 'queued' : task.status };
  }

  @Get(':file_id')
  @ResponseMessage('Vector info retrieved')
  @ApiOperation({ summary: "A file's vectors of the configured model: model, dimension, count, last update" })
  @ApiResponse({ status: 200, type: FileVectorsDto })
  fileVectors(
    @CurrentUser() user: AuthUser,
    @Param('file_id', new ParseUUIDPipe()) fileId: string,
  ): Promise<FileVectorsDto> {
    return this.vectors.fileVectors(fileId, user);
  }
}
