import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/**
 * The calendar's own cap: a busy client's month (833 posts at 10,000 a year) fits in one call, which the web app
 * polls while the tab is open. A page is one query whatever its size (calendar.repository.ts); a year view pages.
 */
export const MAX_CALENDAR_PAGE_SIZE = 1000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// `first` is declared by each subclass with its own cap, so no inherited validator has to be overridden.
@ArgsType()
abstract class PageArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => String, { nullable: true, description: 'the endCursor of the previous page' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

@ArgsType()
export class PostPageArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `posts per page, 1–${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;
}

@ArgsType()
export class PostCalendarArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `posts per page, 1–${MAX_CALENDAR_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_CALENDAR_PAGE_SIZE)
  first!: number;
  @Field({ description: "first local date (YYYY-MM-DD) in the client's timezone, included" })
  @Matches(LOCAL_DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @Field({ description: "local date (YYYY-MM-DD) in the client's timezone where the range ends, excluded" })
  @Matches(LOCAL_DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}
