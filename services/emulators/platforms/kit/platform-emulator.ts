import type { PlatformSettings } from '../../../core/connectors/connector.types';
import type { PlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import type { EmulatorServer } from '../../emulator-server';
import type { RegisteredApp } from './consent';
import type { EmulatorClock } from './emulator-clock';
import type { IssuedTokens, TokenBook } from './token-book';

/**
 * What every platform emulator offers tests, the demo and the local stack. Each platform's emulator speaks that
 * platform's documented wire format (its file cites the reference pages); this is only the common handle.
 */
export interface PlatformEmulatorOptions {
  /** fixed port (demo, stack); default a free one */
  port?: number;
  /** the app Raize is registered as; default TEST_APP */
  app?: RegisteredApp;
}

/** One published post as the emulator holds it: what tests assert (exactly one post, the media that arrived). */
export interface EmulatedPost {
  id: string;
  accountId: string;
  text: string;
  media: { contentType: string; sha256: string; size: number }[];
  createdAt: string;
  /** platform-specific extras (privacy level, container id, visibility) */
  extra: Record<string, string | number | boolean | null>;
}

export interface EmulatedAccount {
  id: string;
  handle: string;
  displayName: string;
}

export interface PlatformEmulator {
  readonly platform: PlatformId;
  /** base URL of the emulator (API and dialog on one port) */
  readonly url: string;
  readonly server: EmulatorServer;
  readonly clock: EmulatorClock;
  readonly tokens: TokenBook;
  readonly app: RegisteredApp;
  /** the seeded accounts (at least two, so wrong-account cases can be built) */
  accounts(): EmulatedAccount[];
  /** a token pair for an account as if the user consented, skipping the browser */
  grant(accountId: string, scope?: string[]): IssuedTokens;
  /** what the connector needs to reach this emulator */
  settings(overrides?: Partial<PlatformSettings>): PlatformSettings;
  /** the account's published posts, oldest first */
  posts(accountId: string): EmulatedPost[];
  close(): Promise<void>;
}

/** The app registration tests and the demo use against every emulator (not a secret: emulator only). */
export const TEST_APP: RegisteredApp = {
  clientId: 'raize-test-app',
  clientSecret: 'raize-test-app-secret',
  redirectUris: '*',
};
