import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the router said about an inbound message (stored with it, shown as "why it was routed here"). */
export interface StoredRoute {
  intent: string;
  sentiment: string;
  flags: string[];
  sensitive: boolean;
  route: string;
  why: string[];
  classifier: string;
}

/** A message in a conversation: inbound (at most one per inbound event) or a reply Raize sent. */
@Entity({ name: 'conversation_messages' })
export class ConversationMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'conversation_id', type: 'uuid' }) conversationId!: string;
  @Column({ name: 'inbound_event_id', type: 'uuid', nullable: true }) inboundEventId!: string | null;
  @Column({ type: 'text' }) direction!: 'in' | 'out';
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  @Column({ name: 'author_handle', type: 'text', nullable: true }) authorHandle!: string | null;
  /** untrusted text for inbound messages: data, never instructions (C-27) */
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'jsonb', nullable: true }) route!: StoredRoute | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
