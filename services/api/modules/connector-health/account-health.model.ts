import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlatformIdEnum } from '../../schema/enums';
import { HealthSeverityEnum, HealthSignalEnum } from './health-enums';

// Flat on purpose: the API's cost limit counts nested lists ten times over (C-10), so the token timeline and the API
// version are fields of the account, and only meters, restrictions, errors and attention items are lists.

@ObjectType('QuotaMeter', { description: 'one meter of an account or of the installation’s project on a platform' })
export class QuotaMeterModel {
  @Field() id!: string;
  @Field({ description: 'in an operator’s words' }) label!: string;
  @Field(() => Float) used!: number;
  @Field(() => Float, { nullable: true, description: 'null when the platform gives no ceiling' }) limit!: number | null;
  @Field({ description: 'posts, quota_units, usd or requests' }) unit!: string;
  @Field(() => Date, { nullable: true }) resetsAt!: Date | null;
}

@ObjectType('AccountRestriction', { description: 'a platform-side limit on what the account or the app may do' })
export class AccountRestrictionModel {
  @Field(() => HealthSignalEnum) code!: string;
  @Field({ description: 'in an operator’s words, with what to do next' }) message!: string;
}

@ObjectType('ConnectorErrorRecord', { description: 'one recent connector error, in an operator’s words' })
export class ConnectorErrorRecordModel {
  @Field() at!: Date;
  @Field(() => HealthSignalEnum, { nullable: true }) signal!: string | null;
  @Field({ description: 'auth, rate_limited, transient, permanent, outcome_unknown or not_found' }) kind!: string;
  @Field(() => Int, { nullable: true, description: 'the HTTP status, when the platform answered' }) status!:
    number | null;
  @Field(() => String, { nullable: true, description: 'the platform’s own error code, when it gave one' })
  platformCode!: string | null;
  @Field() message!: string;
  @Field() whatToDo!: string;
}

@ObjectType('AttentionItem')
export class AttentionItemModel {
  @Field({
    description: 'a HealthSignal, account_quarantined / account_read_only, or receipts_broken (posts changed later)',
  })
  code!: string;
  @Field(() => HealthSignalEnum, { nullable: true }) signal!: string | null;
  @Field(() => HealthSeverityEnum) severity!: string;
  @Field() headline!: string;
  @Field() whatToDo!: string;
}

@ObjectType('AccountHealth', { description: 'one platform account in the connector health centre' })
export class AccountHealthModel {
  @Field(() => ID) accountId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => PlatformIdEnum) platform!: string;
  @Field() platformName!: string;
  @Field() handle!: string;
  @Field({ description: 'connected, needs_reconnect, quarantined or read_only' }) status!: string;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'when the access token ends' }) tokenExpiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) refreshExpiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'the token workflow’s last look' }) tokenCheckedAt!: Date | null;
  @Field(() => Date, { nullable: true }) nextRefreshAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'the latest the account owner must sign in again' })
  signInAgainBy!: Date | null;
  @Field({ description: 'the platform renews tokens without the account owner' }) tokenRefreshable!: boolean;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastFailureAt!: Date | null;
  @Field(() => Date, { nullable: true }) standingCheckedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'the API version Raize speaks to the platform' })
  apiVersion!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date the platform retires that version' })
  apiVersionSunsetsAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'calendar days to the sunset date; 0 or less: retired' })
  daysToSunset!: number | null;
  @Field(() => String, { nullable: true }) apiVersionSource!: string | null;
  @Field(() => [String], { description: 'permissions the connection lacks, in an operator’s words' })
  missing!: string[];
  @Field(() => [QuotaMeterModel]) quotas!: QuotaMeterModel[];
  @Field(() => [AccountRestrictionModel]) restrictions!: AccountRestrictionModel[];
  @Field(() => [ConnectorErrorRecordModel], { description: 'newest first, five at most' })
  recentErrors!: ConnectorErrorRecordModel[];
  @Field(() => [AttentionItemModel], { description: 'most severe first' }) attention!: AttentionItemModel[];
  @Field(() => HealthSeverityEnum, { nullable: true }) worstSeverity!: string | null;
}

@ObjectType('AttentionEntry', { description: 'one thing that needs doing on one account' })
export class AttentionEntryModel extends AttentionItemModel {
  @Field(() => ID) accountId!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientName!: string;
  @Field(() => PlatformIdEnum) platform!: string;
  @Field() platformName!: string;
  @Field() handle!: string;
  @Field() accountStatus!: string;
}

@ObjectType('ConnectorAttentionPage')
export class ConnectorAttentionPageModel {
  @Field(() => [AttentionEntryModel], { description: 'most severe first' }) entries!: AttentionEntryModel[];
  @Field(() => String, { nullable: true, description: 'pass as `after` for the next page; null on the last' })
  endCursor!: string | null;
}
