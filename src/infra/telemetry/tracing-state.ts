import { BullMQOtel } from 'bullmq-otel';

let tracer: BullMQOtel | undefined;
let flush: (() => Promise<void>) | undefined;

/** Called once by the tracing preload when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
export function markTracingStarted(flushSpans: () => Promise<void>): void {
  tracer ??= new BullMQOtel({ tracerName: 'docai' });
  flush = flushSpans;
}

/**
 * BullMQ's own telemetry (bullmq-otel) for queues and workers: a span per enqueue and per job run, the trace context
 * carried in the job's options so a job run in another process joins the trace of the request that queued it.
 * Undefined while tracing is off, so BullMQ does no tracing work at all.
 */
export function queueTelemetry(): BullMQOtel | undefined {
  return tracer;
}

/** Exports the spans still buffered; the entry points call it last on shutdown. Nothing to do while tracing is off. */
export async function flushTraces(): Promise<void> {
  await flush?.().catch(() => undefined);
}
