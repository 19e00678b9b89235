import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/auth.decorators.js';
import { RawResponse, ResponseMessage } from '../common/http/response-message.decorator.js';
import { ClaimDto, LeaseDto } from './dto/claim.dto.js';
import { CompleteDto, FailDto, HeartbeatDto, LeaseEndDto, LeaseStateDto } from './dto/lease-answers.dto.js';
import { RemoteLeasesService } from './remote-leases.service.js';
import { RemoteWorkerTokensService } from './remote-worker-tokens.service.js';
import { RemoteWorkerGuard, type RemoteWorkerRequest } from './remote-worker.guard.js';

/** The remote-worker protocol: a remote-worker token (`Bearer rw_…`), never a user's JWT. */
@ApiTags('remote-workers')
@ApiBearerAuth('remote_worker')
@ApiResponse({ status: 401, description: 'REMOTE_WORKER_UNAUTHENTICATED: no live remote-worker token' })
@ApiResponse({ status: 429, description: 'RATE_LIMITED (REMOTE_RATE_LIMIT_PER_MINUTE)' })
@Public()
@UseGuards(RemoteWorkerGuard)
@Controller('remote-workers')
export class RemoteWorkersController {
  constructor(
    private readonly leases: RemoteLeasesService,
    private readonly tokens: RemoteWorkerTokensService,
  ) {}

  @Post('claim')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Job leased')
  @ApiOperation({ summary: "Lease the next job of the queues (the token's pool; a user-bound token: that user's jobs only), long-polling up to max_wait_ms" })
  @ApiOkResponse({ type: LeaseDto })
  @ApiNoContentResponse({ description: 'No job came within max_wait_ms' })
  async claim(@Req() req: RemoteWorkerRequest, @Body() body: ClaimDto, @Res({ passthrough: true }) res: Response): Promise<LeaseDto | undefined> {
    const token = req.remoteWorker;
    const lease = await this.leases.claim(token, [...new Set(body.queues)], body.max_wait_ms ?? 0, () => this.tokens.isLive(token.id));
    if (!lease) res.status(HttpStatus.NO_CONTENT);
    return lease;
  }

  @Get('leases/:lease_id/input')
  @RawResponse()
  @ApiOperation({ summary: "The leased job's input as NDJSON: a `job` line (file, chunk count, what the result needs, the API's embedding model), then one line per chunk" })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'NDJSON lines' })
  @ApiResponse({ status: 404, description: 'LEASE_NOT_FOUND, FILE_NOT_FOUND (the job then fails for good)' })
  @ApiResponse({ status: 409, description: 'LEASE_EXPIRED' })
  async input(@Req() req: RemoteWorkerRequest, @Param('lease_id') leaseId: string, @Res() res: Response): Promise<void> {
    const lines = await this.leases.input(req.remoteWorker, leaseId);
    res.status(200).type('application/x-ndjson');
    for await (const line of lines) {
      if (!res.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  @Post('leases/:lease_id/heartbeat')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Lease extended')
  @ApiOperation({ summary: 'Extend the lease by REMOTE_LEASE_MS and report progress (0-100)' })
  @ApiOkResponse({ type: LeaseStateDto })
  @ApiResponse({ status: 404, description: 'LEASE_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'LEASE_EXPIRED: the job went back to the queue' })
  heartbeat(@Req() req: RemoteWorkerRequest, @Param('lease_id') leaseId: string, @Body() body: HeartbeatDto): Promise<LeaseStateDto> {
    return this.leases.heartbeat(req.remoteWorker, leaseId, body.progress);
  }

  @Post('leases/:lease_id/complete')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Job completed')
  @ApiOperation({ summary: "Hand in the job's result: validated, then written as an in-house worker writes it" })
  @ApiOkResponse({ type: LeaseEndDto })
  @ApiResponse({ status: 400, description: 'VALIDATION_ERROR, INVALID_RESULT (the lease stays: answer again)' })
  @ApiResponse({ status: 404, description: 'LEASE_NOT_FOUND, FILE_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'LEASE_EXPIRED (nothing changed), CHUNKS_CHANGED (the job is retried)' })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE (REMOTE_RESULT_MAX_BYTES)' })
  complete(@Req() req: RemoteWorkerRequest, @Param('lease_id') leaseId: string, @Body() body: CompleteDto): Promise<LeaseEndDto> {
    return this.leases.complete(req.remoteWorker, leaseId, body.result);
  }

  @Post('leases/:lease_id/fail')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Job failed')
  @ApiOperation({ summary: 'Report a failure: retryable ones are retried with the job\'s backoff while attempts last' })
  @ApiOkResponse({ type: LeaseEndDto })
  @ApiResponse({ status: 404, description: 'LEASE_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'LEASE_EXPIRED' })
  fail(@Req() req: RemoteWorkerRequest, @Param('lease_id') leaseId: string, @Body() body: FailDto): Promise<LeaseEndDto> {
    return this.leases.fail(req.remoteWorker, leaseId, body.error, body.retryable);
  }
}
