import { type INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { markGuardedOperations } from './common/auth/swagger-security.js';
import { answerClientErrorsInEnvelope } from './common/http/client-error.handler.js';
import { corsOptions } from './common/http/cors-options.js';
import { describeEnvelopes } from './common/http/swagger-envelope.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import { type AppConfig } from './infra/config/app-config.js';
import { useRemoteResultBodyParser } from './remote-workers/remote-result-body.js';

export const API_PREFIX = 'api/v1';

/** Everything HTTP beyond the modules: prefix, security headers, CORS, validation, Swagger. Used by main and tests. */
export function configureHttpApp(app: INestApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  // Swagger UI needs inline scripts and styles; the API itself serves JSON only.
  app.use(helmet({ contentSecurityPolicy: false }));
  useRemoteResultBodyParser(app, config, API_PREFIX);
  const cors = corsOptions(config);
  if (cors) app.enableCors(cors);
  app.useGlobalPipes(createValidationPipe());
  answerClientErrorsInEnvelope(app.getHttpServer());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Document AI job-queue backend')
      .setDescription(
        'Uploads, parsing, chunking, embeddings, knowledge graph, agent memory and the queue monitor. ' +
          'Every response is `{success, data, message}`; errors are `{success: false, message, error: {code, details}}`.',
      )
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'rw_ token' }, 'remote_worker')
      .build(),
  );
  SwaggerModule.setup('docs', app, describeEnvelopes(markGuardedOperations(document)), { jsonDocumentUrl: 'docs-json' });
}
