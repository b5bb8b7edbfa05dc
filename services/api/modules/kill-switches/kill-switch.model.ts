import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('KillSwitch')
export class KillSwitchModel {
  @Field(() => ID) id!: string;
  @Field() scope!: string;
  @Field() scopeId!: string;
  @Field() engaged!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() updatedAt!: Date;
  @Field({ description: 'what stops while it is engaged' }) stops!: string;
}
