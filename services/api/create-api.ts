import type { INestApplication } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { raizeEnv } from '../core/config/app-config';
import { AppModule } from './app.module';
import { bodyRefusalMiddleware } from './errors/body-refusal.middleware';
import { securityHeaders } from './security/security-headers';
import { traceContextMiddleware } from './trace-context.middleware';
import { StorableTextPipe } from './validation/storable-text.pipe';

/** Builds the API application; main.ts and the integration tests share it. */
export async function createApi(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: process.env.RAIZE_ENV === 'test' ? ['error'] : ['error', 'warn', 'log'],
    bodyParser: true,
  });
  app.disable('x-powered-by');
  if (process.env.RAIZE_TRUST_PROXY) app.set('trust proxy', process.env.RAIZE_TRUST_PROXY);
  // First: everything a request does runs in its trace, and even a refused request answers its correlation id.
  app.use(traceContextMiddleware);
  app.use(securityHeaders(raizeEnv() === 'production'));
  app.use(cookieParser());
  // Validation at the trust boundary: unknown fields refused, every problem named. Unstorable text first: validator's
  // isEmail throws a URIError on an unpaired surrogate instead of answering false (found by fuzzing).
  app.useGlobalPipes(
    new StorableTextPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useBodyParser('json', { limit: '1mb' });
  // Registered here, not by Nest at init, so that the refusal handler below sees its errors too.
  app.useBodyParser('urlencoded', { extended: true });
  app.use(bodyRefusalMiddleware);
  app.enableShutdownHooks();
  return app;
}
