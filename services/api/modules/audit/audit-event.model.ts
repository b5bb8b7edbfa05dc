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
  @Field(() => String, {
    nullable: true,
    description: 'the trace id of the action (C-50): the same id is on its log lines and in the trace UI',
  })
  correlationId!: string | null;
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
