import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestWithActor } from '../../auth/actor.guard';
import { ReceiptStatusEnum } from '../../schema/enums';
import { PostModel } from '../posts/post.model';
import { ReceiptCheckModel } from './receipt.models';
import { ReceiptsService } from './receipts.service';

/**
 * A post's receipt (issue #15): what the later re-checks on the platform found. Fields of a post, which is only reached
 * through guarded queries; they read in the same tenant scope as the post itself.
 */
@Resolver(() => PostModel)
export class PostReceiptResolver {
  constructor(private readonly receipts: ReceiptsService) {}

  @ResolveField(() => ReceiptStatusEnum, {
    nullable: true,
    description: 'what the re-checks found: intact, removed, edited or author_changed; null before the first one',
  })
  async receipt(@Parent() post: PostModel, @Context('req') req: RequestWithActor): Promise<string | null> {
    return (await this.receipts.ofPost(post.id, post.clientId, req)).receipt;
  }

  @ResolveField(() => Date, { nullable: true, description: 'when the receipt last changed' })
  async receiptChangedAt(@Parent() post: PostModel, @Context('req') req: RequestWithActor): Promise<Date | null> {
    return (await this.receipts.ofPost(post.id, post.clientId, req)).receiptChangedAt;
  }

  @ResolveField(() => [ReceiptCheckModel], { description: 'the re-checks made so far, first first' })
  async receiptChecks(@Parent() post: PostModel, @Context('req') req: RequestWithActor): Promise<ReceiptCheckModel[]> {
    return (await this.receipts.ofPost(post.id, post.clientId, req)).checks;
  }
}
