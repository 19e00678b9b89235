import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/auth.decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { EntitySearchQuery } from './dto/entity-search.query.js';
import { FileGraphQuery } from './dto/file-graph.query.js';
import { EntityListDto, FileGraphDto, GraphJobDto, NeighborhoodDto } from './dto/graph-responses.dto.js';
import { NeighborsQuery } from './dto/neighbors.query.js';
import { RegenerateGraphDto } from './dto/regenerate-graph.dto.js';
import { GraphQueryService } from './graph-query.service.js';
import { GraphRegenerationService } from './graph-regeneration.service.js';

// The /entities routes are declared before /:file_id so "entities" is never read as a file id.
@ApiTags('graph')
@ApiBearerAuth('bearer')
@Controller('graph')
export class GraphController {
  constructor(
    private readonly queries: GraphQueryService,
    private readonly regeneration: GraphRegenerationService,
  ) {}

  @Get('entities')
  @ResponseMessage('Entities retrieved')
  @ApiOperation({ summary: "Search the caller's entities by name and type, most mentioned first (admin: all users)" })
  @ApiResponse({ status: 200, type: EntityListDto })
  @ApiResponse({ status: 400, description: 'Unknown type, or limit outside 1..200' })
  async searchEntities(@CurrentUser() user: AuthUser, @Query() query: EntitySearchQuery): Promise<EntityListDto> {
    const entities = await this.queries.searchEntities(user, { q: query.q, type: query.type, limit: query.limit ?? 20 });
    return { entities, count: entities.length };
  }

  @Get('entities/:id/neighbors')
  @ResponseMessage('Neighbors retrieved')
  @ApiOperation({ summary: 'Entities within 1..3 relations of an entity, and the relations among them' })
  @ApiResponse({ status: 200, type: NeighborhoodDto })
  @ApiResponse({ status: 400, description: 'Malformed id, depth outside 1..3 or limit outside 1..500' })
  @ApiResponse({ status: 404, description: "No such entity in the caller's graph" })
  neighbors(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: NeighborsQuery,
  ): Promise<NeighborhoodDto> {
    return this.queries.neighbors(id, user, query.depth ?? 1, query.limit ?? 100);
  }

  @Post(':file_id/regenerate')
  @HttpCode(HttpStatus.ACCEPTED)
  @ResponseMessage('Graph regeneration queued')
  @ApiOperation({ summary: "Queue re-extraction of a file's graph (same job while one is queued)" })
  @ApiResponse({ status: 202, type: GraphJobDto })
  @ApiResponse({ status: 400, description: 'Malformed file id or body' })
  @ApiResponse({ status: 404, description: "No such file among the caller's files" })
  async regenerate(
    @CurrentUser() user: AuthUser,
    @Param('file_id', new ParseUUIDPipe()) fileId: string,
    @Body() body: RegenerateGraphDto,
  ): Promise<GraphJobDto> {
    const task = await this.regeneration.requestRegeneration(fileId, user, body.force_rechunk ?? false, body.priority);
    return { job_id: task.job_id, status: task.status };
  }

  @Get(':file_id')
  @ResponseMessage('Graph retrieved')
  @ApiOperation({ summary: "A file's graph: its most-mentioned entities and the file's relations among them" })
  @ApiResponse({ status: 200, type: FileGraphDto })
  @ApiResponse({ status: 400, description: 'Malformed file id, or limit outside 1..1000' })
  @ApiResponse({ status: 404, description: "No such file among the caller's files" })
  fileGraph(
    @CurrentUser() user: AuthUser,
    @Param('file_id', new ParseUUIDPipe()) fileId: string,
    @Query() query: FileGraphQuery,
  ): Promise<FileGraphDto> {
    return this.queries.fileGraph(fileId, user, query.limit ?? 200);
  }
}
