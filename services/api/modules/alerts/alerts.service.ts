import { Injectable } from '@nestjs/common';
import type { DiagnosticsScope } from '../../../core/diagnostics/diagnostics-scope';
import { evaluateRules, loadAlertRules } from '../../../core/metrics/alert-rules';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { DiagnosticsAccess } from '../diagnostics/diagnostics-access.service';
import { ReadingsService } from '../metrics/readings.service';
import type { AlertStatusModel } from './alert-status.model';

/**
 * The shipped alert rules judged against Raize's readings: the installation's for platform staff, an Admin's own
 * agencies and clients for them (the lanes are everyone's). The same readers as diagnostics, which shows them.
 */
@Injectable()
export class AlertsService {
  /** when each (scope, rule) was first seen firing; forgotten when it stops */
  private readonly firingSince = new Map<string, Date>();

  constructor(
    private readonly access: DiagnosticsAccess,
    private readonly readings: ReadingsService,
  ) {}

  async list(actor: Actor): Promise<AlertStatusModel[]> {
    const scope = await this.access.readScope(actor);
    // Temporal and the readings' own connection do the work: the request's pooled connection goes back meanwhile.
    const readings = await withoutDatabaseConnection(() =>
      scope.kind === 'all' ? this.readings.installation() : this.readings.forTenants(scope, actor.userId),
    );
    const rules = loadAlertRules();
    return evaluateRules(rules, readings).map((e) => ({
      id: e.rule.id,
      name: e.rule.name,
      severity: e.rule.severity,
      firing: e.firing,
      value: e.value,
      threshold: e.rule.threshold,
      summary: e.summary,
      runbook: e.rule.runbook,
      since: this.since(scopeKey(scope), e.rule.id, e.firing, readings.at),
    }));
  }

  private since(scope: string, id: string, firing: boolean, at: Date): Date | null {
    const key = `${scope}|${id}`;
    if (!firing) {
      this.firingSince.delete(key);
      return null;
    }
    const first = this.firingSince.get(key) ?? at;
    this.firingSince.set(key, first);
    return first;
  }
}

const scopeKey = (s: DiagnosticsScope) =>
  s.kind === 'all' ? 'all' : `${[...s.agencyIds].sort().join(',')}/${[...s.clientIds].sort().join(',')}`;
