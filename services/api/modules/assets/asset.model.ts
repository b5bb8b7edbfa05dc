import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Asset')
export class AssetModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() kind!: string;
  @Field() text!: string;
  @Field(() => String, { nullable: true, description: 'the type of the attached image or video, if any' })
  mediaContentType!: string | null;
  @Field({ description: 'sha256 of the content as it will be sent; approvals pin it' }) checksum!: string;
  @Field() authorKind!: string;
  @Field() updatedAt!: Date;
}
