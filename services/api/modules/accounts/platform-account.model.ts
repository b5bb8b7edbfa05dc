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
  @Field(() => ID, { description: 'names the attempt in pendingPlatformConnects, confirm and cancel' })
  attemptId!: string;
  @Field() expiresAt!: Date;
}

@ObjectType('PendingConnect', {
  description: 'a platform account the platform has authorized, waiting for the operator to confirm it (C-12)',
})
export class PendingConnectModel {
  @Field(() => ID) attemptId!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => PlatformIdEnum) platform!: string;
  @Field({ description: 'the handle the platform reported for the authorized account' }) handle!: string;
  @Field() externalAccountId!: string;
  @Field({ description: 'after this the attempt ends and its tokens are deleted' }) expiresAt!: Date;
}
