import { type Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { FilesModule } from './files/files.module.js';
import { GraphModule } from './graph/graph.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { QueueName } from './infra/queue/queue-names.js';
import { MemoryModule } from './memory/memory.module.js';
import { MonitorPanelModule } from './monitor-panel/monitor-panel.module.js';
import { QueueMonitorModule } from './queue-monitor/queue-monitor.module.js';
import { QuotaApiModule } from './quota/quota-api.module.js';
import { RemoteWorkersModule } from './remote-workers/remote-workers.module.js';
import { VectorsModule } from './vectors/vectors.module.js';

/**
 * The feature modules, each with the queue whose processor it owns (if any). The API imports them all; a worker
 * process imports only those owning the queues it serves (their dependencies come with them).
 */
export const FEATURE_MODULES: { module: Type; queue?: QueueName }[] = [
  { module: AuthModule, queue: QueueName.TokenRevocation },
  { module: VectorsModule, queue: QueueName.Vectorization },
  { module: GraphModule, queue: QueueName.KgExtraction },
  { module: FilesModule, queue: QueueName.FileProcessing },
  { module: MemoryModule, queue: QueueName.MemoryConsolidation },
  { module: QueueMonitorModule },
  { module: QuotaApiModule },
  { module: JobsModule },
  { module: MonitorPanelModule },
  { module: RemoteWorkersModule },
];
