import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BrowserProfileOperatorModel } from './browser-profile.model';

@ObjectType('RestrictedPlatform', {
  description:
    "A platform whose terms forbid automation: off by default, on only by an Admin's acknowledged opt-in (C-45)",
})
export class RestrictedPlatformModel {
  @Field({ description: 'the platform id as the policy names it (e.g. skool)' }) platform!: string;
  @Field({ description: 'what an Admin acknowledges to turn it on' }) riskStatement!: string;
  @Field(() => Int, { description: "the statement's version (recorded in the audit event)" }) riskVersion!: number;
  @Field() enabled!: boolean;
  @Field(() => BrowserProfileOperatorModel, { nullable: true, description: 'who turned it on (null while off)' })
  enabledBy!: BrowserProfileOperatorModel | null;
  @Field(() => Date, { nullable: true }) enabledAt!: Date | null;
}
