import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PlatformIdEnum } from '../../schema/enums';

@ObjectType('Platform', { description: 'A platform Raize has a connector for, and what it accepts' })
export class PlatformModel {
  @Field(() => PlatformIdEnum) id!: string;
  @Field() displayName!: string;
  @Field({ description: 'this installation has an app registered there: its accounts can be connected' })
  configured!: boolean;
  @Field({ description: 'a local emulator, not a real platform' }) emulator!: boolean;
  @Field({ description: 'the API version the connector is pinned to' }) apiVersion!: string;
  @Field(() => String, { nullable: true, description: 'when the platform retires that version (ISO date)' })
  apiSunsetsAt!: string | null;
  @Field(() => Int) maxTextLength!: number;
  @Field({ description: 'a post needs an image or a video' }) requiresMedia!: boolean;
  @Field(() => [String], { description: 'image types the platform takes (empty: none)' }) imageTypes!: string[];
  @Field(() => [String], { description: 'video types the platform takes (empty: none)' }) videoTypes!: string[];
}
