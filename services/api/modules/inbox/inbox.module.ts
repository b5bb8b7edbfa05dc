import { Module } from '@nestjs/common';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';
import { InboxRepliesService } from './inbox-replies.service';

@Module({ providers: [InboxResolver, InboxService, InboxRepliesService] })
export class InboxModule {}
