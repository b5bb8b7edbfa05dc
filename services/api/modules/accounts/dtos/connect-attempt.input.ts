import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class ConnectAttemptInput {
  @Field(() => ID) @IsUUID() attemptId!: string;
}
