import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType()
export class CreateAssetInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsNotEmpty() @MaxLength(5000) text!: string;
  /** ignored: the kind follows the media (text, image or video); kept so older callers still validate */
  @Field({ defaultValue: 'text' }) @IsIn(['text', 'image', 'video']) kind!: string;
  /** an image or video this client uploaded to the artifact store (POST /artifacts/upload answers its key) */
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/(image|video)\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/, {
    message: 'mediaKey must be the key of an image or video uploaded for this client',
  })
  mediaKey?: string;
}

@InputType()
export class UpdateAssetTextInput {
  @Field(() => ID) @IsUUID() assetId!: string;
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsNotEmpty() @MaxLength(5000) text!: string;
}
