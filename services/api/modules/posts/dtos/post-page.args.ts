import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/**
 * The calendar's own cap: a busy client's month (1,000 posts at the scale bench's 100,000 a month for 100 clients)
 * fits in one call, with room, which the web app polls while the tab is open. At a cap of 1,000 such a month took a
 * second, empty call to learn it had ended. A page is one query whatever its size (calendar.repository.ts).
 */
export const MAX_CALENDAR_PAGE_SIZE = 2000;
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
