import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('BrandKit')
export class BrandKitModel {
  @Field(() => ID) clientId!: string;
  @Field() name!: string;
  @Field() headline!: string;
  @Field() voice!: string;
  @Field(() => [String]) doWords!: string[];
  @Field(() => [String]) dontWords!: string[];
  @Field(() => [String]) bannedClaims!: string[];
  @Field(() => [String]) hashtags!: string[];
  @Field(() => [String], { description: '#rrggbb, lower case' }) colours!: string[];
  @Field(() => String, { nullable: true }) logoArtifactKey!: string | null;
  @Field({ description: 'false until the kit was saved once; until then it carries the client name only' })
  configured!: boolean;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}
