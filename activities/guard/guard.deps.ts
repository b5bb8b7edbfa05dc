import { DataSource } from 'typeorm';
import { AuditService } from '../../services/core/audit/audit.service';
import { ConnectorReader, ConnectorWriter } from '../../services/core/connectors/connector.types';
import { PolicyEngine } from '../../services/core/policy/policy-engine';
import { CredentialStore } from '../../services/core/secrets/credential-store';

export interface GuardDeps {
  ds: DataSource;
  audit: AuditService;
  policy: PolicyEngine;
  credentials: CredentialStore;
  readers: Map<string, ConnectorReader>;
  writers: Map<string, ConnectorWriter>;
  alert: (msg: string, fields: Record<string, string>) => void;
  now?: () => Date;
}
