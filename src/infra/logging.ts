import { type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig } from './config/app-config.js';

/** pino for request logs and our own structured lines (JSON, or pino-pretty lines on a developer's terminal). */
export function loggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      quietReqLogger: true,
      // Production and pipes get JSON (for log shippers); a developer's terminal gets readable lines.
      transport: config.prettyLogs ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } : undefined,
    },
  });
}
