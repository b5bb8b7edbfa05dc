/** The identity a credential resolves to on the platform, right now. */
export interface PlatformIdentity {
  externalAccountId: string;
  handle: string;
  displayName?: string;
}

export interface PublishContent {
  text: string;
  media: { url?: string; dataBase64?: string; contentType: string; checksum?: string }[];
}

export interface PlatformPost {
  postId: string;
  url: string;
  text: string;
  authorExternalId: string;
  createdAt: string;
  /** the platform's answer, trimmed to what proof needs */
  raw: { [k: string]: string | number | boolean | null };
}

export interface PublishOutcome {
  post: PlatformPost;
  /** the platform said it replayed an earlier request with the same idempotency key */
  replayed: boolean;
  requestId?: string;
}

/** The credential a connector call runs with; read from the secrets backend at the moment of use. */
export interface ConnectorCredential {
  accessToken: string;
}

export interface ConnectorReader {
  readonly platform: string;
  identity(cred: ConnectorCredential): Promise<PlatformIdentity>;
  readPost(cred: ConnectorCredential, postId: string): Promise<PlatformPost | null>;
  /** Finds a recent post of this identity whose content fingerprint matches (reconciliation, C-22). */
  findRecentByFingerprint(cred: ConnectorCredential, contentFingerprint: string, since: Date): Promise<PlatformPost | null>;
}

/** Write side. Reachable only from activities/guard (C-17; an architecture test checks the imports). */
export interface ConnectorWriter {
  readonly platform: string;
  publish(cred: ConnectorCredential, content: PublishContent, idempotencyKey: string): Promise<PublishOutcome>;
}
