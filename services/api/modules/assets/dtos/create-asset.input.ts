import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class CreateAssetInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsNotEmpty() @MaxLength(5000) text!: string;
  @Field({ defaultValue: 'text' }) @IsIn(['text']) kind!: string;
}

@InputType()
export class UpdateAssetTextInput {
  @Field(() => ID) @IsUUID() assetId!: string;
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsNotEmpty() @MaxLength(5000) text!: string;
}
