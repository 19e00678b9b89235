/**
 * Loaded before the entry point (`node --import ./dist/infra/telemetry/preload.js dist/main.js`, as `npm start`
 * and the Dockerfile do): with OTEL_EXPORTER_OTLP_ENDPOINT set it starts tracing before any library is loaded, which
 * the instrumentations of ESM-imported modules need; unset, it loads nothing more and costs nothing.
 */
import { register } from 'node:module';
import { basename } from 'node:path';
import { loadConfig } from '../config/app-config.js';

const telemetry = readTelemetryConfig();
if (telemetry?.otlpEndpoint) {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ OTLPTraceExporter }, { startTracing }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('./tracing.js'),
  ]);
  const entry = basename(process.argv[1] ?? '');
  const serviceName = telemetry.serviceName ?? (entry.startsWith('worker') ? 'docai-worker' : 'docai-api');
  // The entry points flush the last spans on shutdown (flushTraces in process-lifecycle).
  startTracing(serviceName, new OTLPTraceExporter({ url: `${telemetry.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }));
}

/** A bad configuration is reported by the entry point itself, with its one clear line: tracing just stays off. */
function readTelemetryConfig() {
  try {
    return loadConfig().telemetry;
  } catch {
    return undefined;
  }
}
