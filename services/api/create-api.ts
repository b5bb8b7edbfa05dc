import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

/** Builds the API application; main.ts and the integration tests share it. */
export async function createApi(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { logger: process.env.RAIZE_ENV === 'test' ? ['error'] : ['error', 'warn', 'log'], bodyParser: true });
  // Validation at the trust boundary: unknown fields refused, every problem named.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }));
  app.enableShutdownHooks();
  return app;
}
