import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isReasonCode, ReasonCode } from '../../../../workflows/contracts/vocabulary/reason-codes';
import { ReasonCodeEnum } from '../../schema/enums';
import { ReasonModel } from './post.model';

/** Fields of a reason derived from its code; reasons are only reachable through a guarded post query. */
@Resolver(() => ReasonModel)
export class ReasonResolver {
  @ResolveField(() => ReasonCodeEnum, {
    nullable: true,
    description: 'the code as a ReasonCode; null when it is newer than this API',
  })
  reasonCode(@Parent() reason: ReasonModel): ReasonCode | null {
    return isReasonCode(reason.code) ? reason.code : null;
  }
}
