import { Module } from '@nestjs/common';
import { PostReceiptResolver } from './post-receipt.resolver';
import { ReceiptsService } from './receipts.service';

/** Receipts that stay true (issue #15): a post's re-checks on the post page. */
@Module({ providers: [PostReceiptResolver, ReceiptsService] })
export class ReceiptsModule {}
