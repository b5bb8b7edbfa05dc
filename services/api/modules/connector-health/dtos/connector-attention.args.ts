import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class ConnectorAttentionArgs {
  @Field(() => Int, { defaultValue: 20 }) @Min(1) @Max(100) first!: number;
  @Field({ nullable: true, description: 'the endCursor of the page before' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
  @Field(() => ID, { nullable: true, description: 'only this agency’s clients' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
