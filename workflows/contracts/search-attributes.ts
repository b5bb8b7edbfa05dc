import { defineSearchAttributeKey } from '@temporalio/common';

// Registered from temporal.yaml by the launcher. Ids only: search attributes are not encrypted.
export const clientIdKey = defineSearchAttributeKey('RaizeClientId', 'KEYWORD');
export const agencyIdKey = defineSearchAttributeKey('RaizeAgencyId', 'KEYWORD');
export const platformKey = defineSearchAttributeKey('RaizePlatform', 'KEYWORD');
export const episodeKindKey = defineSearchAttributeKey('RaizeEpisodeKind', 'KEYWORD');
export const publishStatusKey = defineSearchAttributeKey('RaizePublishStatus', 'KEYWORD');
/** the W3C trace id (32 hex) of the operator's action that started the episode; set by the client interceptor */
export const traceIdKey = defineSearchAttributeKey('RaizeTraceId', 'KEYWORD');
