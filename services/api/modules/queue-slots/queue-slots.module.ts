import { Module } from '@nestjs/common';
import { QueueSlotsResolver } from './queue-slots.resolver';
import { QueueSlotsService } from './queue-slots.service';

@Module({ providers: [QueueSlotsResolver, QueueSlotsService] })
export class QueueSlotsModule {}
