import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('QueueSlot', { description: "A posting time of one account, in the client's timezone" })
export class QueueSlotModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) platformAccountId!: string;
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday' }) weekday!: number;
  @Field({ description: 'HH:MM, 24-hour, local to the client' }) time!: string;
  @Field() createdAt!: Date;
}
