import { z } from 'zod';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';

/** The pages the engine knows how to use; a map says where each is and what each must show. */
export const PAGE_KEYS = ['home', 'compose', 'post', 'profile'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

/** The parameter each page path needs (`/p/{id}`, `/u/{username}`). */
export const PAGE_PATH_PARAMS = {
  home: [],
  compose: [],
  post: ['id'],
  profile: ['username'],
} as const satisfies Record<PageKey, readonly string[]>;

const selectorKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, 'a selector key looks like area.name');
const css = z.string().min(1).max(500);

const selectorSchema = z.strictObject({
  css,
  /** true: the page must show exactly one (a second identity card or submit button is a redesign, not a detail) */
  unique: z.boolean(),
  /** the css is relative to each element of this (non-unique) selector, e.g. a field inside a list item */
  within: selectorKey.optional(),
});

/** Where one value is read: an attribute of the element, or its trimmed text when no attribute is named. */
const fieldSourceSchema = z.strictObject({
  selector: selectorKey,
  attribute: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional(),
});
/** One or more sources that must all agree (an id shown twice is read twice). */
const fieldReadSchema = z.array(fieldSourceSchema).min(1).max(4);

const pageSchema = z.strictObject({
  path: z.string().regex(/^\/[A-Za-z0-9\-._~/{}]*$/, 'a page path is an absolute path with {param} placeholders'),
  /** a signed-in page: a password field on it means the session ended (login wall) */
  signedIn: z.boolean(),
  /** selector keys the page must show before anything on it is read or clicked */
  requires: z.array(selectorKey).min(1),
});

export const selectorMapFileSchema = z
  .strictObject({
    platform: z.enum(PLATFORM_IDS),
    version: z.string().regex(/^v[1-9][0-9]*$/),
    description: z.string().max(2000).optional(),
    selectors: z.record(selectorKey, selectorSchema),
    pages: z.strictObject({ home: pageSchema, compose: pageSchema, post: pageSchema, profile: pageSchema }),
    reads: z.strictObject({
      identity: z.strictObject({
        externalAccountId: fieldReadSchema,
        handle: fieldReadSchema,
        displayName: fieldReadSchema,
      }),
      post: z.strictObject({
        postId: fieldReadSchema,
        text: fieldReadSchema,
        authorExternalId: fieldReadSchema,
        createdAt: fieldReadSchema,
      }),
      profile: z.strictObject({
        /** the repeated element of the post list; the item fields below are read inside each one */
        item: selectorKey,
        ownerExternalId: fieldReadSchema,
        postId: fieldReadSchema,
        text: fieldReadSchema,
        createdAt: fieldReadSchema,
      }),
    }),
    forms: z.strictObject({
      compose: z.strictObject({
        text: selectorKey,
        submit: selectorKey,
        /** the form field carrying the platform's idempotency key; set if present, added as hidden if not */
        requestKeyField: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/),
      }),
    }),
    detectors: z.strictObject({
      captcha: z.strictObject({ selectors: z.array(css).min(1) }),
      consent: z.strictObject({
        selectors: z.array(css),
        /** dialogs that are consent walls when their text mentions one of these words (case-insensitive) */
        dialogs: z.array(z.strictObject({ selector: css, mentions: z.array(z.string().min(1)).min(1) })),
      }),
      loginWall: z.strictObject({
        /** paths (exact) that are the sign-in page, wherever the platform redirected */
        paths: z.array(z.string().startsWith('/')),
        /** shown on a page that should be signed in: the session ended */
        selectors: z.array(css),
      }),
    }),
    selfCheck: z.array(z.strictObject({ page: z.enum(PAGE_KEYS), expect: z.array(selectorKey).min(1) })).min(1),
  })
  .superRefine((map, ctx) => {
    const known = new Set(Object.keys(map.selectors));
    const check = (key: string, path: (string | number)[]) => {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path, message: `unknown selector key "${key}"` });
    };
    for (const [key, sel] of Object.entries(map.selectors)) {
      if (sel.within) check(sel.within, ['selectors', key, 'within']);
    }
    for (const page of PAGE_KEYS) {
      map.pages[page].requires.forEach((k, i) => check(k, ['pages', page, 'requires', i]));
      const params = [...map.pages[page].path.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]).sort();
      const wanted = [...PAGE_PATH_PARAMS[page]].sort();
      if (params.join(',') !== wanted.join(','))
        ctx.addIssue({
          code: 'custom',
          path: ['pages', page, 'path'],
          message: `the ${page} path must have the parameters {${wanted.join('}, {')}}`,
        });
    }
    for (const [group, fields] of Object.entries(map.reads)) {
      for (const [field, read] of Object.entries(fields)) {
        if (typeof read === 'string') check(read, ['reads', group, field]);
        else read.forEach((src, i) => check(src.selector, ['reads', group, field, i, 'selector']));
      }
    }
    check(map.forms.compose.text, ['forms', 'compose', 'text']);
    check(map.forms.compose.submit, ['forms', 'compose', 'submit']);
    map.selfCheck.forEach((step, i) => step.expect.forEach((k, j) => check(k, ['selfCheck', i, 'expect', j])));
  });

export type SelectorMapFile = z.infer<typeof selectorMapFileSchema>;
export type SelectorSpec = SelectorMapFile['selectors'][string];
export type FieldSource = z.infer<typeof fieldSourceSchema>;

/** A validated map as the engine uses it, with the version string stored beside every proof (`sandbox@v1`). */
export type SelectorMap = SelectorMapFile & { readonly selectorMapVersion: string };
