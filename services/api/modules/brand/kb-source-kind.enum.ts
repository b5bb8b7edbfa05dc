import { registerEnumType } from '@nestjs/graphql';
import type { KbSourceKind } from '../../../core/database/entities';
import { KB_SOURCE_KINDS } from '../../../core/database/entities';

/** The stored words as the enum's member names, as services/api/schema/enums.ts does for the vocabulary. */
export const KbSourceKindEnum = Object.fromEntries(KB_SOURCE_KINDS.map((k) => [k, k])) as Record<
  KbSourceKind,
  KbSourceKind
>;

registerEnumType(KbSourceKindEnum, { name: 'KbSourceKind', description: 'What a knowledge base source was made from' });
