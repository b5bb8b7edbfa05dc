import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ReceiptCheckResult } from '../../../../workflows/contracts/vocabulary/receipt-status';
import { ReceiptCheckResultEnum } from '../../schema/enums';

@ObjectType('ReceiptCheck', { description: 'One later re-check of a published post on its platform (issue #15)' })
export class ReceiptCheckModel {
  @Field(() => Int, { description: '1: an hour after verification, 2: a day, 3–6: weekly for a month' })
  checkNo!: number;
  @Field(() => ReceiptCheckResultEnum) result!: ReceiptCheckResult;
  @Field(() => String, { nullable: true, description: 'what was found, or why the check could not be made' })
  detail!: string | null;
  @Field() checkedAt!: Date;
}

/** A post's receipt as the API reads it once per request. */
export interface PostReceiptView {
  receipt: string | null;
  receiptChangedAt: Date | null;
  checks: ReceiptCheckModel[];
}
