import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReasonModel } from '../posts/post.model';

@ObjectType('PlatformPreview', { description: 'How the platform will show the post' })
export class PlatformPreviewModel {
  @Field() platform!: string;
  @Field(() => Int) characters!: number;
  @Field(() => Int) characterLimit!: number;
  @Field() overLimit!: boolean;
  @Field({ description: 'what the feed shows before its "…more" link' }) feedText!: string;
  @Field() truncated!: boolean;
  @Field(() => [String]) hashtags!: string[];
  @Field(() => Int) hashtagLimit!: number;
  @Field(() => [String]) links!: string[];
  @Field() linksAllowed!: boolean;
  @Field({ description: 'the media aspect the platform shows, e.g. 1:1, 4:5, 9:16' }) mediaAspect!: string;
}

@ObjectType('ReviewAsset')
export class ReviewAssetModel {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() text!: string;
  @Field({ description: 'sha256 of the content as it will be sent; an approval names it (C-23)' }) checksum!: string;
  @Field() authorKind!: string;
  @Field(() => String, { nullable: true }) mediaContentType!: string | null;
  @Field(() => String, { nullable: true, description: 'a signed URL that works for two minutes (C-46)' })
  mediaUrl!: string | null;
}

@ObjectType('ReviewItem', { description: 'A created plan item that waits for a human' })
export class ReviewItemModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) platformAccountId!: string;
  @Field() platform!: string;
  @Field() format!: string;
  @Field() pillar!: string;
  @Field() brief!: string;
  @Field() slotAt!: Date;
  @Field() timezone!: string;
  @Field({ description: 'a CreationStatus: in_review, policy_blocked, parked, …' }) status!: string;
  @Field(() => [ReasonModel]) reasons!: ReasonModel[];
  @Field(() => Int, { description: 'how many assets the item has had' }) revision!: number;
  @Field(() => ReviewAssetModel, { nullable: true }) asset!: ReviewAssetModel | null;
  @Field(() => PlatformPreviewModel, { nullable: true, description: "the target platform's preview" })
  preview!: PlatformPreviewModel | null;
  @Field(() => [PlatformPreviewModel], { description: 'one preview per platform the item goes out on' })
  previews!: PlatformPreviewModel[];
  @Field(() => [ID], { description: 'the other accounts the item also goes out on' })
  crossPostAccountIds!: string[];
  @Field(() => [ID], { description: 'the plan creator and every editor: under four eyes none may approve it' })
  authorIds!: string[];
  @Field(() => [ID]) publishJobIds!: string[];
}

@ObjectType('ReviewQueue')
export class ReviewQueueModel {
  @Field(() => [ReviewItemModel]) items!: ReviewItemModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
