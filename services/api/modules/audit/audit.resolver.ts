import { Inject, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AuditService } from '../../../core/audit/audit.service';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AUDIT } from '../../platform/tokens';
import { PostsService } from '../posts/posts.service';
import { AuditChainVerificationModel, AuditEventModel } from './audit-event.model';

@Resolver(() => AuditEventModel)
@UseGuards(ActorGuard)
export class AuditResolver {
  constructor(
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly posts: PostsService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [AuditEventModel], { description: "A post's audit trail, oldest first" })
  async auditEvents(
    @CurrentActor() actor: Actor,
    @Args('postId', { type: () => ID }, new ParseUUIDPipe()) postId: string,
  ): Promise<AuditEventModel[]> {
    const job = await this.posts.loadVisible(actor, postId, 'audit.read');
    const rows = await this.audit.forSubject('publish_job', job.id, job.clientId);
    return rows.map((r) => ({ ...r, seq: String(r.seq), id: String(r.id), data: JSON.stringify(r.data) }));
  }

  @Query(() => AuditChainVerificationModel, {
    description: "Walks the client's hash chain; any edited, inserted or deleted row shows",
  })
  async verifyAuditChain(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<AuditChainVerificationModel> {
    await this.access.requireClient(actor, clientId, 'audit.read');
    return this.audit.verifyClient(clientId);
  }
}
