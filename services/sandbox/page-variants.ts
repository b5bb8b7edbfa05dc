// The data-testid names of the account pages per selector version. v2 is "the platform shipped a redesign": every
// name a browser runner relies on changes at once, so selector drift (C-43) can be provoked with one admin switch.
// Challenge pages (captcha, consent) keep their names in every version: a runner must recognise them regardless.

export const SELECTOR_VERSIONS = ['v1', 'v2'] as const;
export type SelectorVersion = (typeof SELECTOR_VERSIONS)[number];

/** v1 name → v2 name. The v1 names are the contract of issue #17; pages only ever name a test id through here. */
const V2_RENAMES = {
  // identity card in the nav (every signed-in page)
  'account-identity': 'profile-card',
  'identity-handle': 'card-handle',
  'identity-display-name': 'card-name',
  'identity-account-id': 'card-id',
  // compose page
  'compose-form': 'composer',
  'compose-text': 'composer-input',
  'compose-submit': 'composer-send',
  'compose-error': 'composer-error',
  'compose-request-key': 'composer-request-key',
  'contact-details': 'composer-contact',
  'contact-email': 'composer-contact-email',
  'contact-phone': 'composer-contact-phone',
  // post page
  post: 'post-card',
  'post-author': 'post-byline',
  'post-text': 'post-body',
  'post-created-at': 'post-timestamp',
  // public profile page
  'profile-owner': 'profile-header',
  'profile-owner-handle': 'profile-header-handle',
  'profile-owner-display-name': 'profile-header-name',
  'profile-post-list': 'feed',
  'profile-post': 'feed-item',
  'profile-post-text': 'feed-item-body',
  'profile-post-created-at': 'feed-item-time',
  'profile-post-link': 'feed-item-link',
} as const satisfies Record<string, string>;

/** A test id as the v1 contract names it. */
export type PageTestId = keyof typeof V2_RENAMES;

/** Maps a contract (v1) test id to the name the current selector version renders. */
export type TestIdLookup = (id: PageTestId) => string;

export const V1_TEST_IDS = Object.keys(V2_RENAMES) as PageTestId[];

export function testIds(version: SelectorVersion): TestIdLookup {
  return version === 'v2' ? (id) => V2_RENAMES[id] : (id) => id;
}
