import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PlatformIdEnum } from '../../schema/enums';

@ObjectType('PlatformAccount')
export class PlatformAccountModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => PlatformIdEnum) platform!: string;
  @Field() externalAccountId!: string;
  @Field() handle!: string;
  @Field({ description: 'digest of the identity the platform reported at connect time' }) fingerprint!: string;
  @Field() lane!: string;
  @Field() status!: string;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field() connectedAt!: Date;
}

@ObjectType('ConnectStart')
export class ConnectStartModel {
  @Field({ description: 'open this URL in the browser to authorize the account' }) authorizeUrl!: string;
  @Field() state!: string;
  @Field() expiresAt!: Date;
}
