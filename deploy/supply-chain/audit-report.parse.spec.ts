import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { advisoryId, parseAuditOutput } from './audit-report.parse';

/**
 * Recorded with npm 11.19.1 from the repository root: `npm-audit-report.json` and `npm-audit-clean.json` against a
 * local advisory endpoint (fixtures/advisory-endpoint.ts) serving `synthetic-bulk-advisories.json` and nothing;
 * `npm-audit-405.json` is what this machine's registry answered (its advisory endpoint refuses POST);
 * `npm-audit-refused.json` is a closed port.
 */
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('npm audit --json output', () => {
  it('reads the advisories of a report, one per advisory and vulnerable package, with where they are installed', () => {
    const outcome = parseAuditOutput(fixture('npm-audit-report.json'));
    if (outcome.kind !== 'report') throw new Error(`expected a report, got ${outcome.message}`);
    expect(outcome.dependencies).toBe(1205);
    expect(
      outcome.advisories
        .map((a) => [a.id, a.package, a.severity, a.range, a.paths])
        .sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    ).toEqual([
      ['GHSA-2222-3333-4444', '@swc/core', 'critical', '<1.99.0', ['node_modules/@swc/core']],
      // long 4.0.0 under @apollo/protobufjs is in range, the top-level long 5.3.2 is not.
      ['GHSA-5555-6666-7777', 'long', 'high', '<5.0.0', ['node_modules/@apollo/protobufjs/node_modules/long']],
      [
        'GHSA-8888-9999-cccc',
        'yaml',
        'moderate',
        '<99.0.0',
        ['node_modules/@open-policy-agent/opa-wasm/node_modules/yaml', 'node_modules/yaml'],
      ],
    ]);
  });

  it('reads a clean report as no advisories', () => {
    expect(parseAuditOutput(fixture('npm-audit-clean.json'))).toEqual({
      kind: 'report',
      advisories: [],
      dependencies: 1205,
    });
  });

  it('[C-55] an advisory endpoint that refuses (HTTP 405 here) is an audit that did not run, never a clean one', () => {
    expect(parseAuditOutput(fixture('npm-audit-405.json'))).toEqual({
      kind: 'unavailable',
      statusCode: 405,
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
  });

  it('[C-55] an unreachable endpoint, empty output or JSON of another shape are audits that did not run', () => {
    const refused = parseAuditOutput(fixture('npm-audit-refused.json'));
    expect(refused).toMatchObject({ kind: 'unavailable', statusCode: undefined });
    expect(refused.kind === 'unavailable' && refused.message).toContain('ECONNREFUSED');
    expect(parseAuditOutput('')).toMatchObject({ kind: 'unavailable' });
    expect(parseAuditOutput('npm error something')).toMatchObject({ kind: 'unavailable' });
    expect(parseAuditOutput('{"auditReportVersion":1,"advisories":{}}')).toMatchObject({ kind: 'unavailable' });
    expect(parseAuditOutput('{"vulnerabilities":{}}')).toMatchObject({ kind: 'unavailable' });
  });

  it('names a GitHub advisory by its GHSA id whether given the URL or the id', () => {
    expect(advisoryId('https://github.com/advisories/GHSA-2222-3333-4444')).toBe('GHSA-2222-3333-4444');
    expect(advisoryId('GHSA-2222-3333-4444')).toBe('GHSA-2222-3333-4444');
    expect(advisoryId('https://npmjs.com/advisories/1234')).toBe('https://npmjs.com/advisories/1234');
  });
});
