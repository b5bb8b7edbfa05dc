import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReceiptStatusEnum } from '../../schema/enums';
import { ReportStatusEnum } from './report-status.enum';

@ObjectType('ReportFigure', {
  description: 'One figure of a report, with its source; `value` null means not available',
})
export class ReportFigureModel {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Float, { nullable: true, description: 'null: the source held no data for the period (never 0)' })
  value!: number | null;
  @Field({ description: '`count`, `ratio` (0..1), `seconds` or `micro_usd`' }) unit!: string;
  @Field({ description: 'the value as the report prints it, or "not available"' }) display!: string;
  @Field() source!: string;
  @Field(() => String, { nullable: true, description: 'how it was counted, or why it is not available' })
  detail!: string | null;
}

@ObjectType('ReportPoint')
export class ReportPointModel {
  @Field({ description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('ReportBar')
export class ReportBarModel {
  @Field() label!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('ReportAccountGrowth')
export class ReportAccountGrowthModel {
  @Field() platform!: string;
  @Field() handle!: string;
  @Field(() => Float) first!: number;
  @Field(() => Float) last!: number;
  @Field(() => Float, { nullable: true, description: 'null with a single day of data' }) growth!: number | null;
}

@ObjectType('ReportTopPost')
export class ReportTopPostModel {
  @Field() platform!: string;
  @Field() handle!: string;
  @Field() excerpt!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => Float, { nullable: true }) reach!: number | null;
  @Field(() => Float, { nullable: true }) impressions!: number | null;
  @Field(() => Float, { nullable: true }) engagement!: number | null;
}

@ObjectType('ReportChangedPost', { description: 'A post removed or changed on its platform after publishing' })
export class ReportChangedPostModel {
  @Field() platform!: string;
  @Field() handle!: string;
  @Field() excerpt!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => ReceiptStatusEnum, { description: 'removed, edited or author_changed' }) receipt!: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601' }) publishedAt!: string | null;
  @Field({ description: 'when a re-check found it (ISO 8601)' }) changedAt!: string;
}

@ObjectType('ReportLink', { description: 'A read-only link to a report; its URL was shown once, when it was made' })
export class ReportLinkModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) reportId!: string;
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field({ description: 'neither expired nor revoked' }) active!: boolean;
  @Field(() => ID, { nullable: true, description: 'null: made by the monthly delivery for its mail' })
  createdBy!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('ReportLinkWithUrl', { description: 'Shown once: the URL holds the token, which is stored hashed only' })
export class ReportLinkWithUrlModel {
  @Field(() => ReportLinkModel) link!: ReportLinkModel;
  @Field({ description: '`<origin>/r/<token>` answers the PDF; add `/view` for the page' }) url!: string;
}

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field({ description: 'YYYY-MM-DD, in the client’s timezone' }) periodStart!: string;
  @Field({ description: 'YYYY-MM-DD, included' }) periodEnd!: string;
  @Field({ description: 'e.g. "May 2026"' }) periodLabel!: string;
  @Field(() => ReportStatusEnum) status!: string;
  @Field({ description: '`operator` or `schedule`' }) trigger!: string;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date, { nullable: true, description: 'when the monthly delivery mailed it' }) emailedAt!: Date | null;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'when the figures were read (ISO 8601), once ready' })
  figuresAt!: string | null;
  @Field(() => [ReportFigureModel], {
    description: "the agency's proof (approvals, publishing, replies, AI spend); empty until ready",
  })
  proof!: ReportFigureModel[];
  @Field(() => [ReportFigureModel], { description: 'reach, impressions and engagement over the period' })
  totals!: ReportFigureModel[];
  @Field(() => [ReportPointModel]) dailyReach!: ReportPointModel[];
  @Field(() => [ReportBarModel]) engagementByPlatform!: ReportBarModel[];
  @Field(() => [ReportAccountGrowthModel]) followerGrowth!: ReportAccountGrowthModel[];
  @Field(() => [ReportTopPostModel]) topPosts!: ReportTopPostModel[];
  @Field(() => [ReportChangedPostModel], {
    description: 'posts the later re-checks found removed or changed on the platform in the period (issue #15)',
  })
  changedPosts!: ReportChangedPostModel[];
  @Field(() => [ReportLinkModel]) links!: ReportLinkModel[];
  @Field(() => String, {
    nullable: true,
    description: 'a signed download link of the PDF, valid a few minutes; given by `report(id)` only, once ready',
  })
  downloadUrl!: string | null;
}

@ObjectType('ReportSchedule', { description: "A client's monthly report delivery" })
export class ReportScheduleModel {
  @Field(() => ID) clientId!: string;
  @Field() enabled!: boolean;
  @Field(() => [String]) recipients!: string[];
  @Field(() => Int, { description: 'the day of the month (1–28) the previous month’s report is sent' })
  dayOfMonth!: number;
  @Field({ description: 'the client’s timezone, in which the day and 08:00 are meant' }) timezone!: string;
  @Field(() => Date, { nullable: true, description: 'the next delivery, as the Schedule says' })
  nextRunAt!: Date | null;
  @Field() updatedAt!: Date;
}
