import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../../validation/optional-not-null.decorator';
import { BRAND_KIT_LIMITS } from '../../../../core/knowledge/brand-kit.schema';

/**
 * Every field optional: left out, it keeps its value; lists replace the whole list. The service runs the core's
 * zod schema on top (normalising hashtags and colours); these checks give GraphQL callers early, per-field errors.
 */
@InputType()
export class UpdateBrandKitInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ nullable: true })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(BRAND_KIT_LIMITS.name)
  name?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsString() @MaxLength(BRAND_KIT_LIMITS.headline) headline?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsString() @MaxLength(BRAND_KIT_LIMITS.voice) voice?: string;
  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @ArrayMaxSize(BRAND_KIT_LIMITS.words)
  @IsString({ each: true })
  @MaxLength(BRAND_KIT_LIMITS.wordLength, { each: true })
  doWords?: string[];
  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @ArrayMaxSize(BRAND_KIT_LIMITS.words)
  @IsString({ each: true })
  @MaxLength(BRAND_KIT_LIMITS.wordLength, { each: true })
  dontWords?: string[];
  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @ArrayMaxSize(BRAND_KIT_LIMITS.claims)
  @IsString({ each: true })
  @MaxLength(BRAND_KIT_LIMITS.claimLength, { each: true })
  bannedClaims?: string[];
  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @ArrayMaxSize(BRAND_KIT_LIMITS.hashtags)
  @IsString({ each: true })
  @MaxLength(101, { each: true })
  hashtags?: string[];
  @Field(() => [String], { nullable: true, description: 'hex colours such as #1a2b3c' })
  @OptionalNotNull()
  @ArrayMaxSize(BRAND_KIT_LIMITS.colours)
  @Matches(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { each: true, message: 'colours must be hex codes like #1a2b3c' })
  colours?: string[];
  @Field(() => String, {
    nullable: true,
    description: "an image key of this client's artifact store; null removes the logo",
  })
  @IsOptional()
  @IsString()
  @MaxLength(BRAND_KIT_LIMITS.logoKey)
  logoArtifactKey?: string | null;
}
