import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/auth.decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { AgentQuery } from './dto/agent.query.js';
import { ListMemoryQuery } from './dto/list-memory.query.js';
import { MemoryKeyParams } from './dto/memory-key.params.js';
import { MemoryListDto } from './dto/memory-list.dto.js';
import { MemoryDeletedDto, MemoryRecordDto } from './dto/memory-record.dto.js';
import { MemorySearchResultDto } from './dto/memory-search-result.dto.js';
import { PutMemoryDto } from './dto/put-memory.dto.js';
import { SearchMemoryDto } from './dto/search-memory.dto.js';
import { MemoryRecallService } from './memory-recall.service.js';
import { MemoryService } from './memory.service.js';

@ApiTags('memory')
@ApiBearerAuth('bearer')
@Controller('memory')
export class MemoryController {
  constructor(
    private readonly memory: MemoryService,
    private readonly recall: MemoryRecallService,
  ) {}

  @Get()
  @ApiOperation({ summary: "List the caller's memory keys of one agent (SCAN, paged by cursor)" })
  @ApiOkResponse({ type: MemoryListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListMemoryQuery): Promise<MemoryListDto> {
    return this.memory.list(user, query);
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: "Closest long-term memories of the caller, including expired short-term keys" })
  @ApiOkResponse({ type: MemorySearchResultDto })
  search(@CurrentUser() user: AuthUser, @Body() dto: SearchMemoryDto): Promise<MemorySearchResultDto> {
    return this.recall.search(user, dto);
  }

  @Put(':key')
  @ResponseMessage('Memory stored')
  @ApiOperation({ summary: 'Store a JSON value (≤ 64 KiB) under a key with a TTL; persisted values become searchable' })
  @ApiOkResponse({ type: MemoryRecordDto })
  put(@CurrentUser() user: AuthUser, @Param() params: MemoryKeyParams, @Body() dto: PutMemoryDto): Promise<MemoryRecordDto> {
    return this.memory.put(user, params.key, dto);
  }

  @Get(':key')
  @ApiOperation({ summary: 'Read a memory (404 MEMORY_NOT_FOUND once expired)' })
  @ApiOkResponse({ type: MemoryRecordDto })
  get(@CurrentUser() user: AuthUser, @Param() params: MemoryKeyParams, @Query() query: AgentQuery): Promise<MemoryRecordDto> {
    return this.memory.get(user, params.key, query.agent_id);
  }

  @Delete(':key')
  @ResponseMessage('Memory deleted')
  @ApiOperation({ summary: 'Delete a memory: the short-term key and its long-term row' })
  @ApiOkResponse({ type: MemoryDeletedDto })
  delete(@CurrentUser() user: AuthUser, @Param() params: MemoryKeyParams, @Query() query: AgentQuery): Promise<MemoryDeletedDto> {
    return this.memory.delete(user, params.key, query.agent_id);
  }
}
