import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { KbSourceKind } from '../../../core/database/entities';
import { KbSourceKindEnum } from './kb-source-kind.enum';

@ObjectType('KbSource')
export class KbSourceModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => KbSourceKindEnum) kind!: KbSourceKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field() contentType!: string;
  @Field(() => Int) byteSize!: number;
  @Field({ description: 'extractive: the opening sentences and the key terms' }) summary!: string;
  @Field(() => [String]) topTerms!: string[];
  @Field(() => Int) chunkCount!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) removedAt!: Date | null;
}
