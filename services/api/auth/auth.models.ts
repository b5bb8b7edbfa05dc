import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID) agencyId!: string;
  @Field() agencyName!: string;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field() role!: string;
}

@ObjectType('Me')
export class MeModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field() totpEnabled!: boolean;
  @Field() via!: string;
  @Field({ description: 'platform staff: global kill switch, Temporal Web links and payload decoding' })
  staff!: boolean;
  @Field(() => [MembershipModel]) memberships!: MembershipModel[];
}

@ObjectType('SignInResult')
export class SignInResultModel {
  @Field() needsSecondFactor!: boolean;
  @Field({ description: 'send it as x-csrf-token with every mutation (also in the __Host-raize_csrf cookie)' })
  csrfToken!: string;
  @Field(() => MeModel, { nullable: true }) me!: MeModel | null;
}

@ObjectType('OperatorSession')
export class SessionModel {
  @Field(() => ID) id!: string;
  @Field() createdAt!: Date;
  @Field() lastSeenAt!: Date;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field() current!: boolean;
}

@ObjectType('ApiToken')
export class ApiTokenModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'the first characters, to recognise it' }) prefix!: string;
  @Field(() => [String]) scopes!: string[];
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => String, { nullable: true }) lastUsedIp!: string | null;
  @Field(() => String, { nullable: true }) lastUsedUserAgent!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenModel {
  @Field({ description: 'shown once; store it now' }) token!: string;
  @Field(() => ApiTokenModel) apiToken!: ApiTokenModel;
}

@ObjectType('TotpEnrollment')
export class TotpEnrollmentModel {
  @Field() secret!: string;
  @Field() otpauthUrl!: string;
}
