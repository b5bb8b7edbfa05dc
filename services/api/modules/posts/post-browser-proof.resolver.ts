import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { BrowserProofModel } from './browser-proof.model';
import { PostBrowserProofService } from './post-browser-proof.service';

/**
 * A query of its own rather than a field of Post: every link signed is an audited act (C-46), and Post is also
 * listed by the hundred (postCalendar, approvalQueue) and polled every two seconds by the post page.
 */
@Resolver(() => BrowserProofModel)
@UseGuards(ActorGuard)
export class PostBrowserProofResolver {
  constructor(private readonly proofs: PostBrowserProofService) {}

  @Query(() => BrowserProofModel, {
    nullable: true,
    description:
      "The browser lane's proof of a post (C-44), each step's screenshot and DOM snapshot as links signed for five " +
      'minutes; null when the post did not go through the browser',
  })
  postBrowserProof(
    @CurrentActor() actor: Actor,
    @Args('postId', { type: () => ID }, new ParseUUIDPipe()) postId: string,
  ): Promise<BrowserProofModel | null> {
    return this.proofs.get(actor, postId);
  }
}
