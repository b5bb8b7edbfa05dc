import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IMPORT_ROW_ERROR_CODES, type ImportRowErrorCode } from '../../../core/scheduling/import-row-errors';

export const ImportRowErrorCodeEnum = Object.fromEntries(IMPORT_ROW_ERROR_CODES.map((c) => [c, c])) as Record<
  ImportRowErrorCode,
  ImportRowErrorCode
>;
registerEnumType(ImportRowErrorCodeEnum, { name: 'ImportRowErrorCode', description: 'Why an import row is refused' });

/*
 * The dry run's answer is three flat lists keyed by the CSV line (rows, their errors, their posts) rather than
 * errors and posts nested inside each row: the API's query cost limit (services/api/security/query-limits.ts)
 * multiplies per level of nesting, and a row → error → field shape would cost more than the limit allows.
 */

@ObjectType('ImportRow', { description: 'A CSV row as read and resolved' })
export class ImportRowModel {
  @Field(() => Int, { description: 'the line of the CSV the row starts on' }) line!: number;
  @Field() text!: string;
  @Field(() => [String]) mediaUrls!: string[];
  @Field(() => [ID], { description: 'the accounts the row resolved to' }) platformAccountIds!: string[];
  @Field(() => String, { nullable: true, description: '`next` or the local date-time; null when unreadable' })
  date!: string | null;
  @Field(() => String, { nullable: true, description: 'daily:N or weekly:N' }) recurrence!: string | null;
  @Field(() => Int, { nullable: true }) evergreenIntervalDays!: number | null;
}

@ObjectType('ImportRowError', { description: 'One reason a row is refused; a row lists every one that applies' })
export class ImportRowErrorModel {
  @Field(() => Int) line!: number;
  @Field(() => ImportRowErrorCodeEnum) code!: ImportRowErrorCode;
  @Field() message!: string;
  @Field(() => String, { nullable: true }) column!: string | null;
}

@ObjectType('ImportOccurrence', { description: 'One post a row will create' })
export class ImportOccurrenceModel {
  @Field(() => Int) line!: number;
  @Field(() => ID) platformAccountId!: string;
  @Field() scheduledAt!: Date;
  @Field({ description: "the same time on the client's wall clock, YYYY-MM-DDTHH:MM" }) local!: string;
}

@ObjectType('ImportDryRun')
export class ImportDryRunModel {
  @Field({ description: 'pass to importPosts with the same CSV; it refuses if anything changed since' })
  digest!: string;
  @Field({ description: 'no row has an error' }) valid!: boolean;
  @Field(() => Int) postCount!: number;
  @Field(() => [ImportRowModel]) rows!: ImportRowModel[];
  @Field(() => [ImportRowErrorModel]) errors!: ImportRowErrorModel[];
  @Field(() => [ImportOccurrenceModel]) occurrences!: ImportOccurrenceModel[];
}

@ObjectType('ImportResult')
export class ImportResultModel {
  @Field(() => ID) batchId!: string;
  @Field(() => [ID]) postIds!: string[];
}
