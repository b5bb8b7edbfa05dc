import { Field, ID, InputType } from '@nestjs/graphql';
import { IsHexadecimal, IsString, IsUUID, Length } from 'class-validator';

// The CSV's own limits (rows, bytes) are checked by the parser with a clear message; this only sets a type.
@InputType()
export class ImportPostsDryRunInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ description: 'the CSV text (RFC 4180, a header line first)' }) @IsString() csv!: string;
}

@InputType()
export class ImportPostsInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsString() csv!: string;
  @Field({ description: 'the digest the dry run of this same CSV returned' })
  @IsHexadecimal()
  @Length(64, 64)
  dryRunDigest!: string;
}
