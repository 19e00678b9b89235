import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { markTracingStarted } from './tracing-state.js';

export interface Tracing {
  /** Exports the spans still buffered (call before the process exits). */
  flush(): Promise<void>;
}

/**
 * The OpenTelemetry SDK for one process: W3C trace context, async-local context, the HTTP server and client, ioredis
 * and pg instrumentations, and BullMQ's telemetry (see tracing-state.ts). Spans are batched to `exporter`.
 */
export function startTracing(serviceName: string, exporter: SpanExporter): Tracing {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 2000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Health probes and scrapes would be most of the traces and say nothing.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)\b/.test(req.url ?? '') }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  const flush = () => provider.forceFlush();
  markTracingStarted(flush);
  return { flush };
}
