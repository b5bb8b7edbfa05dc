import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';

@InputType()
export class StartConnectInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ defaultValue: 'sandbox' }) @IsIn(['sandbox'], { message: 'platform must be one of: sandbox' }) platform!: string;
}
