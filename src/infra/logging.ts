import { type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pinoPretty from 'pino-pretty';
import { maskCredentials } from '../common/text/mask-credentials.js';
import { type AppConfig } from './config/app-config.js';

/** pino for request logs and our own structured lines (JSON, or pino-pretty lines on a developer's terminal). */
export function loggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: config.logLevel,
        autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        quietReqLogger: true,
      },
      maskedOutput(config.prettyLogs),
    ],
  });
}

/**
 * Every log line leaves through here, credentials masked, so no message or error stack can print one. Production
 * and pipes get JSON (for log shippers); a developer's terminal gets readable lines (pino-pretty, in-process so
 * it reads the masked line).
 */
function maskedOutput(pretty: boolean): { write(line: string): void } {
  const destination = pretty ? pinoPretty({ singleLine: true, translateTime: 'SYS:HH:MM:ss.l' }) : process.stdout;
  return { write: (line) => destination.write(maskCredentials(line)) };
}
