import { clientRolesOf, strongestRole } from './operator-client-roles';

describe("an operator's role per client", () => {
  it('takes the strongest of an agency-wide and a direct grant, and nothing from another agency', () => {
    const roles = clientRolesOf(
      [
        { agencyId: 'a1', clientId: null, role: 'Analyst' },
        { agencyId: 'a1', clientId: 'c1', role: 'Publisher' },
        { agencyId: 'a2', clientId: null, role: 'Admin' },
      ],
      new Map([
        ['c1', 'a1'],
        ['c2', 'a1'],
        ['c3', 'a3'],
      ]),
    );
    expect(roles).toEqual({ c1: 'Publisher', c2: 'Analyst' });
  });

  it('names the strongest role of several', () => {
    expect(strongestRole(['Reviewer', 'Manager', 'Analyst'])).toBe('Manager');
    expect(strongestRole([])).toBeNull();
  });
});
