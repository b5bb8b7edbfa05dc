import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { PLATFORM_IDS, PlatformId } from '../../../../../workflows/contracts/vocabulary/platform-id';
import { PlatformIdEnum } from '../../../schema/enums';

@InputType()
export class StartConnectInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => PlatformIdEnum, { defaultValue: 'sandbox' })
  @IsIn(PLATFORM_IDS, { message: `platform must be one of: ${PLATFORM_IDS.join(', ')}` })
  platform!: PlatformId;
}
