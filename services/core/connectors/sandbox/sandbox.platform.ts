import type { PlatformDescriptor, PlatformSettings, PlatformTiming } from '../connector.types';
import { platformTiming } from '../platform-timing';
import { SANDBOX_REQUEST_TIMEOUT_MS } from './sandbox-http.config';
import { sandboxOAuth } from './sandbox-oauth';
import { createSandboxReader } from './sandbox.reader';

/**
 * The longest the sandbox takes to apply a request after it arrived: its fault schema caps processing time
 * (beforeHandlerDelayMs) at 60 s, and a request whose client left during network latency is dropped.
 */
export const SANDBOX_MAX_PROCESSING_SECONDS = 60;

function sandboxTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: SANDBOX_REQUEST_TIMEOUT_MS,
    // A write that timed out may still be applied up to the processing time after our deadline; a margin on
    // top covers clock skew between us and the platform's createdAt.
    maxProcessingSeconds: SANDBOX_MAX_PROCESSING_SECONDS,
    marginSeconds: 15,
    // identity, a few reconcile pages, the write, the read-back
    maxCallsPerAttempt: 12,
    pacing: { minSpacingSeconds: 1, jitterSeconds: 1 },
  });
}

/** The local platform: everything Raize knows about it. Its writer is registered in ../writer-registry.ts only. */
export const sandboxPlatform: PlatformDescriptor = {
  id: 'sandbox',
  displayName: 'Sandbox',
  emulator: true,
  capabilities: {
    text: true,
    image: true,
    video: true,
    carousel: true,
    reply: true,
    dm: true,
    idempotencyKey: true,
    readBack: true,
    // On by default; the sandbox's echoRequestKey flag can turn it off, so a missing key must still be handled.
    requestKeyEcho: true,
  },
  // The sandbox is ours: no versioned API and no sunset.
  apiVersion: { version: 'v1', sunsetsAt: null, source: 'services/sandbox (Raize)' },
  mediaRules: {
    maxTextLength: 5000,
    requiresMedia: false,
    maxMediaCount: 10,
    mixedMedia: true,
    image: { contentTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'], maxBytes: 10 * 1024 * 1024 },
    video: { contentTypes: ['video/mp4'], maxBytes: 50 * 1024 * 1024, maxDurationSeconds: 600 },
  },
  tokens: { refreshable: true, refreshLeadSeconds: 600, rotatesRefreshToken: true, checkEverySeconds: 6 * 3600 },
  scopes: ['profile', 'posts'],
  timing: sandboxTiming,
  oauth: sandboxOAuth,
  createReader: createSandboxReader,
};
