import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { FileCoreModule } from '../files/file-core.module.js';
import { GraphModule } from '../graph/graph.module.js';
import { VectorsModule } from '../vectors/vectors.module.js';
import { RemoteChunkInput } from './remote-chunk-input.js';
import { RemoteGraphStep } from './remote-graph.step.js';
import { RemoteJobSource } from './remote-job-source.js';
import { RemoteLeasesRepository } from './remote-leases.repository.js';
import { RemoteLeasesService } from './remote-leases.service.js';
import { RemoteVectorizationStep } from './remote-vectorization.step.js';
import { RemoteVectorsWriter } from './remote-vectors.writer.js';
import { RemoteWorkerPresenceRepository } from './remote-worker-presence.repository.js';
import { RemoteWorkerRateLimiter } from './remote-worker-rate-limiter.js';
import { RemoteWorkerTokensController } from './remote-worker-tokens.controller.js';
import { RemoteWorkerTokensRepository } from './remote-worker-tokens.repository.js';
import { RemoteWorkerTokensService } from './remote-worker-tokens.service.js';
import { RemoteWorkerGuard } from './remote-worker.guard.js';
import { RemoteWorkersController } from './remote-workers.controller.js';

/** Remote workers over HTTPS: admins' tokens, and the lease protocol a worker with only a URL and a token speaks (API only). */
@Module({
  imports: [DiscoveryModule, AuthModule, FileCoreModule, VectorsModule, GraphModule],
  controllers: [RemoteWorkerTokensController, RemoteWorkersController],
  providers: [
    RemoteWorkerTokensRepository,
    RemoteWorkerTokensService,
    RemoteWorkerRateLimiter,
    RemoteWorkerGuard,
    RemoteLeasesRepository,
    RemoteWorkerPresenceRepository,
    RemoteJobSource,
    RemoteLeasesService,
    RemoteChunkInput,
    RemoteVectorsWriter,
    RemoteVectorizationStep,
    RemoteGraphStep,
  ],
})
export class RemoteWorkersModule {}
