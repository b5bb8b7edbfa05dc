import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field() seq!: string;
  @Field() actor!: string;
  @Field() action!: string;
  @Field() subjectType!: string;
  @Field() subjectId!: string;
  @Field({ description: 'JSON of the event details' }) data!: string;
  @Field() prevHash!: string;
  @Field() hash!: string;
  @Field() createdAt!: Date;
}

@ObjectType('ChainProblem')
export class ChainProblemModel {
  @Field() seq!: string;
  @Field() problem!: string;
}

@ObjectType('AuditChainVerification')
export class AuditChainVerificationModel {
  @Field() ok!: boolean;
  @Field(() => Int) count!: number;
  @Field(() => [ChainProblemModel]) problems!: ChainProblemModel[];
}
