import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AiStepContract')
export class AiStepContractModel {
  @Field(() => Int) maxDepth!: number;
  @Field(() => Int) maxToolCalls!: number;
  @Field(() => Int) maxTokens!: number;
  @Field(() => Float, { description: 'micro-USD' }) maxCostMicros!: number;
  @Field(() => Int) maxWallMs!: number;
  @Field(() => Int) maxRevisions!: number;
}

@ObjectType('PreferredProviders')
export class PreferredProvidersModel {
  @Field() text!: string;
  @Field() image!: string;
  @Field() video!: string;
  @Field() avatar!: string;
}

/** Who presents the client's avatar videos at the avatar provider (HeyGen ids; not secrets). */
@ObjectType('AvatarPresenter')
export class AvatarPresenterModel {
  @Field() avatarId!: string;
  @Field() voiceId!: string;
}

/** A client's AI settings and this month's spend (micro-USD, the month in the client's timezone). */
@ObjectType('AiSettings')
export class AiSettingsModel {
  @Field(() => ID) clientId!: string;
  @Field(() => Float, { description: 'micro-USD per calendar month in the client timezone; 0: no paid calls' })
  monthlyBudgetMicros!: number;
  @Field(() => Float) spentThisMonthMicros!: number;
  @Field() month!: string;
  @Field(() => AiStepContractModel) contract!: AiStepContractModel;
  @Field(() => PreferredProvidersModel) preferred!: PreferredProvidersModel;
  @Field(() => AvatarPresenterModel, {
    nullable: true,
    description: 'the avatar and voice of avatar videos; null: none set (HeyGen needs one, the local provider not)',
  })
  presenter!: AvatarPresenterModel | null;
}
