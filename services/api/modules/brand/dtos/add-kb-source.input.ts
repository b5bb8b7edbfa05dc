import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { KbSourceKind } from '../../../../core/database/entities';
import { KB_SOURCE_KINDS } from '../../../../core/database/entities';
import { KB_LIMITS } from '../../../../core/knowledge/kb-source-input';
import { KbSourceKindEnum } from '../kb-source-kind.enum';

/**
 * One input for the three kinds: `text` takes `title` and `text`; `file` takes `fileName`, `contentType` and the
 * file's text as `content`; `url` takes `url` (fetched by the server through the guarded fetcher). The service
 * checks the combination with the core's zod schema.
 */
@InputType()
export class AddKbSourceInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => KbSourceKindEnum) @IsIn([...KB_SOURCE_KINDS]) kind!: KbSourceKind;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(KB_LIMITS.title) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(KB_LIMITS.textChars) text?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(255) fileName?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) contentType?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(KB_LIMITS.fileBytes) content?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(KB_LIMITS.urlChars) url?: string;
}
