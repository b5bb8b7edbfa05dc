import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CodecAccessGuard } from './codec-access.guard';
import { CodecAccessService } from './codec-access.service';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { CodecController } from './codec.controller';
import { CodecService } from './codec.service';

@Module({
  providers: [CodecService, CodecAccessService, CodecAccessGuard, CodecCorsMiddleware],
  controllers: [CodecController],
})
export class CodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CodecCorsMiddleware)
      .forRoutes(
        { path: 'codec/decode', method: RequestMethod.ALL },
        { path: 'codec/encode', method: RequestMethod.ALL },
      );
  }
}
