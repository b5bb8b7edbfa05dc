import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { STORAGE_STATE_MAX_BYTES } from '../../../../core/browser/storage-state.schema';

@InputType()
export class AttachBrowserProfileInput {
  @Field(() => ID) @IsUUID() platformAccountId!: string;
  // A live session: validated and stored encrypted by the core, never echoed in an error, a log or an answer (C-40).
  // Characters here, bytes in the core's own check: a first cap before anything is parsed.
  @Field({ description: 'a Playwright storage state as JSON text (cookies, local storage); a live session' })
  @IsString()
  @MaxLength(STORAGE_STATE_MAX_BYTES)
  storageState!: string;
  @Field(() => String, {
    nullable: true,
    description: 'the display name the platform shows for the account, if it shows one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;
}
