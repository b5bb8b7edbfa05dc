import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BrowserProofStep', {
  description: 'One step of the browser lane through the platform page (C-44), with short-lived links to its proof',
})
export class BrowserProofStepModel {
  @Field({
    description:
      'compose, published or read_back; a String, so a step recorded by a newer runner still shows (as its code)',
  })
  step!: string;
  @Field({ description: 'the address of the page the step was on' }) url!: string;
  @Field() at!: Date;
  @Field(() => Int, {
    description: 'emails and phone numbers covered on the screenshot and replaced in the DOM snapshot',
  })
  masked!: number;
  @Field(() => String, {
    nullable: true,
    description: 'signed link to the masked screenshot (PNG) until linksExpireAt; null when it cannot be given',
  })
  screenshotUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'signed link to the DOM snapshot until linksExpireAt, served as text/plain, never as a page; null when it cannot be given',
  })
  domUrl!: string | null;
}

@ObjectType('BrowserProof', {
  description: "What the browser lane kept of a post's publishing, step by step: screenshot, DOM snapshot, URL (C-44)",
})
export class BrowserProofModel {
  @Field({ description: 'the selector map the runner read the pages with, e.g. sandbox@v1' })
  selectorMapVersion!: string;
  @Field(() => [BrowserProofStepModel]) steps!: BrowserProofStepModel[];
  @Field({ description: 'when the signed links stop working (C-46): ask again for fresh ones' }) linksExpireAt!: Date;
}
