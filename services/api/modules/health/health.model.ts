import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health')
export class HealthModel {
  @Field() ok!: boolean;
  @Field() database!: boolean;
  @Field() temporal!: boolean;
}
