import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { webAppMiddleware } from './web-app.middleware';
import { webDistDir } from './web-app.paths';

/** The admin web app (services/web), served by the API process on the same origin as /graphql. */
@Module({})
export class WebAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(webAppMiddleware(webDistDir()))
      .forRoutes({ path: '{*path}', method: RequestMethod.GET }, { path: '{*path}', method: RequestMethod.HEAD });
  }
}
