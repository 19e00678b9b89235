import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config.js';

/** pino for request logs and our own structured lines (one JSON object per line). */
export function loggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      quietReqLogger: true,
    },
  });
}
