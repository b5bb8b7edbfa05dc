import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class PostPageArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Int, { defaultValue: 50, description: `posts per page, 1–${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;
  @Field(() => String, { nullable: true, description: 'the endCursor of the previous page' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

@ArgsType()
export class PostCalendarArgs extends PostPageArgs {
  @Field({ description: "first local date (YYYY-MM-DD) in the client's timezone, included" })
  @Matches(LOCAL_DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;
  @Field({ description: "local date (YYYY-MM-DD) in the client's timezone where the range ends, excluded" })
  @Matches(LOCAL_DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}
