import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { BodyMediaTypeInterceptor } from './common/http/body-media-type.interceptor.js';
import { EnvelopeInterceptor } from './common/http/envelope.interceptor.js';
import { ErrorEnvelopeFilter } from './common/http/error-envelope.filter.js';
import { NotFoundFallback } from './common/http/not-found.fallback.js';
import { FEATURE_MODULES } from './feature-modules.js';
import { HealthModule } from './health/health.module.js';
import { InfraModule } from './infra/infra.module.js';
import { Runtime } from './infra/runtime.js';

/** The HTTP API: every feature's routes; processors run in-process too when RUN_WORKERS=true. */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [InfraModule.forRoot(runtime), HealthModule, ...FEATURE_MODULES.map((f) => f.module)],
      providers: [
        { provide: APP_FILTER, useClass: ErrorEnvelopeFilter },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_INTERCEPTOR, useClass: BodyMediaTypeInterceptor },
        NotFoundFallback,
      ],
    };
  }
}
