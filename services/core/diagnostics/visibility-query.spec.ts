import { failedRunsQuery, runsOfQuery, tenantClause } from './visibility-query';

const A = '0b6f8a52-2f3c-4b1e-9d7a-0c1d2e3f4a5b';
const C = '7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b';
const SINCE = new Date('2026-12-01T00:00:00.000Z');

describe('diagnostics visibility queries', () => {
  it('staff list every failed run since a date; an Admin only their agencies’ and clients’', () => {
    expect(failedRunsQuery({ kind: 'all' }, SINCE)).toBe(
      `ExecutionStatus IN ('Failed', 'TimedOut', 'Terminated') AND CloseTime > '2026-12-01T00:00:00.000Z'`,
    );
    expect(tenantClause({ kind: 'tenants', agencyIds: [A], clientIds: [C] })).toBe(
      ` AND (RaizeAgencyId IN ('${A}') OR RaizeClientId IN ('${C}'))`,
    );
    expect(tenantClause({ kind: 'tenants', agencyIds: [], clientIds: [] })).toBe(` AND WorkflowId = ''`);
  });

  it('[C-04] puts nothing but UUIDs and plain workflow ids into a query', () => {
    expect(() => tenantClause({ kind: 'tenants', agencyIds: [`${A}') OR ('1' = '1`], clientIds: [] })).toThrow();
    expect(runsOfQuery(['publish-a-b', "x' OR WorkflowId != '", 'publish-a-b'])).toBe(`WorkflowId IN ('publish-a-b')`);
    expect(runsOfQuery(["only ' bad"])).toBeNull();
  });
});
