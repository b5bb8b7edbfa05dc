import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Client')
export class ClientModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field() name!: string;
  @Field() timezone!: string;
}

@ObjectType('PolicySettings')
export class PolicySettingsModel {
  @Field(() => ID) clientId!: string;
  @Field() publishAutonomy!: string;
  @Field() fourEyes!: boolean;
  @Field(() => Int, { nullable: true }) maxPublishesPerAccountPerDay!: number | null;
  @Field(() => Int, { nullable: true }) latenessCutoffSeconds!: number | null;
  @Field(() => Int, { nullable: true }) quietHoursStart!: number | null;
  @Field(() => Int, { nullable: true }) quietHoursEnd!: number | null;
}
