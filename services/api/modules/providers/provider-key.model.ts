import { Field, ObjectType } from '@nestjs/graphql';

/** A provider key as the API shows it: which provider, whose, since when. Never the key, nor anything of it (C-11). */
@ObjectType('ProviderKey')
export class ProviderKeyModel {
  @Field() provider!: string;
  @Field({ description: '`client` (the client’s own key) or `agency` (the agency’s fallback)' }) scope!: string;
  @Field() setAt!: Date;
}
