import { Injectable, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { enqueuedAt } from './job-view.js';
import { MonitoredQueues } from './monitored-queues.js';
import { JobEndedEvent, QueueEventsHub } from './queue-events.hub.js';
import { QueueStatsService } from './queue-stats.service.js';
import { WorkerStatusService } from './worker-status.service.js';

const STATUSES = ['queued', 'started', 'finished', 'failed', 'scheduled', 'deferred', 'canceled'] as const;
const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

/**
 * The Prometheus registry of GET /metrics. Gauges and totals are read from Redis at scrape time (BullMQ's counters
 * and per-minute metrics, so they are the same from every API replica); the duration histograms are observed from the
 * queue events stream by this process. With QUEUE_SHARDS every series carries a `shard` label (one series per shard
 * that is up; `sum without (shard)` gives the queue's); with one shard the output has no such label.
 */
@Injectable()
export class PrometheusMetricsService implements OnModuleInit {
  readonly registry = new Registry();
  private readonly duration: Histogram<'queue' | 'outcome' | 'shard'>;
  private readonly wait: Histogram<'queue' | 'shard'>;
  /** Adds the `shard` label when sharded (prom-client refuses a label its metric did not declare). */
  private readonly labels: <T extends object>(labels: T, shard: string | undefined) => T & { shard?: string };

  constructor(
    private readonly queues: MonitoredQueues,
    private readonly stats: QueueStatsService,
    private readonly workers: WorkerStatusService,
    private readonly events: QueueEventsHub,
  ) {
    const registers = [this.registry];
    const sharded = queues.sharded;
    const shardLabel = sharded ? (['shard'] as const) : [];
    const labels = (this.labels = <T extends object>(base: T, shard: string | undefined) => (sharded ? { ...base, shard } : base));
    // Gauges' collect() is called with the gauge as `this`: reach our services through locals.
    const { stats: queueStats, queues: monitored, workers: workerStatus } = this;
    new Gauge({
      name: 'rq_queue_jobs',
      help: 'Jobs per queue and status (queued, started, finished, failed, scheduled, deferred, canceled)',
      labelNames: ['queue', 'status', ...shardLabel],
      registers,
      async collect() {
        this.reset();
        const { queues } = await queueStats.allStats();
        for (const stats of Object.values(queues)) {
          const counts = stats.shards ? Object.entries(stats.shards) : [[undefined, stats] as const];
          for (const [shard, count] of counts) {
            for (const status of STATUSES) this.set(labels({ queue: stats.queue_name, status }, shard), count[status]);
          }
        }
      },
    });
    new Gauge({
      name: 'rq_queue_paused',
      help: '1 when the queue is paused',
      labelNames: ['queue', ...shardLabel],
      registers,
      async collect() {
        this.reset();
        for (const name of monitored.names()) {
          for (const { bull, shard } of monitored.exact(name)) this.set(labels({ queue: name }, shard), (await bull.isPaused()) ? 1 : 0);
        }
      },
    });
    new Counter({
      name: 'rq_jobs_processed_total',
      help: 'Jobs that ended (finished or failed for good), from BullMQ metrics',
      labelNames: ['queue', ...shardLabel],
      registers,
      async collect() {
        this.reset();
        for (const name of monitored.names()) {
          for (const { bull, shard } of monitored.exact(name)) {
            const [done, failed] = await Promise.all([bull.getMetrics('completed', 0, 0), bull.getMetrics('failed', 0, 0)]);
            this.inc(labels({ queue: name }, shard), Number(done.meta.count) + Number(failed.meta.count));
          }
        }
      },
    });
    new Counter({
      name: 'rq_jobs_failed_total',
      help: 'Jobs that failed for good, from BullMQ metrics',
      labelNames: ['queue', ...shardLabel],
      registers,
      async collect() {
        this.reset();
        for (const name of monitored.names()) {
          for (const { bull, shard } of monitored.exact(name)) {
            this.inc(labels({ queue: name }, shard), Number((await bull.getMetrics('failed', 0, 0)).meta.count));
          }
        }
      },
    });
    new Gauge({
      name: 'rq_workers',
      help: 'Worker processes in the registry by state (busy, idle, dead)',
      labelNames: ['state'],
      registers,
      async collect() {
        this.reset();
        const { workers } = await workerStatus.workers();
        for (const state of ['busy', 'idle', 'dead'] as const) {
          this.set({ state }, workers.filter((w) => w.state === state).length);
        }
      },
    });
    this.duration = new Histogram({
      name: 'rq_job_duration_seconds',
      help: 'Processing time of ended jobs (observed by this API process from the queue events)',
      labelNames: ['queue', 'outcome', ...shardLabel],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.wait = new Histogram({
      name: 'rq_job_wait_seconds',
      help: 'Time from enqueue (or end of delay) to start, of ended jobs',
      labelNames: ['queue', ...shardLabel],
      buckets: DURATION_BUCKETS,
      registers,
    });
    collectDefaultMetrics({ register: this.registry });
  }

  onModuleInit(): void {
    this.events.onJobEnded((event) => this.observe(event));
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async observe(event: JobEndedEvent): Promise<void> {
    const [where] = this.queues.exact(event.queue, event.shard);
    const job = (await where.bull.getJob(event.jobId)) as Job | undefined;
    if (!job?.processedOn || !job.finishedOn) return;
    const duration = (job.finishedOn - job.processedOn) / 1000;
    this.duration.observe(this.labels({ queue: event.queue, outcome: event.outcome }, event.shard), duration);
    this.wait.observe(this.labels({ queue: event.queue }, event.shard), Math.max(0, job.processedOn - enqueuedAt(job)) / 1000);
  }
}
