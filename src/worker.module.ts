import { DynamicModule, Module } from '@nestjs/common';
import { FEATURE_MODULES } from './feature-modules.js';
import { InfraModule } from './infra/infra.module.js';
import { Runtime } from './infra/runtime.js';

/** A worker process: infrastructure plus the feature modules that own the queues in WORKER_QUEUES. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const served = FEATURE_MODULES.filter((f) => f.queue && runtime.config.queue.workerQueues.includes(f.queue));
    return { module: WorkerModule, imports: [InfraModule.forRoot(runtime), ...served.map((f) => f.module)] };
  }
}
