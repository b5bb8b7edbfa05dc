import { PERMISSIONS } from '../../auth/permissions';
import { ROLES } from '../../../core/database/entities/membership.entity';
import * as web from '../../../web/src/auth/permissions';

// The admin app hides buttons with its own copy of the matrix (it cannot import the API's, which pulls in
// TypeORM entities): this spec keeps the two equal.
describe("the admin app's copy of the permission matrix", () => {
  it('matches the one the API enforces', () => {
    expect(web.PERMISSIONS).toEqual(PERMISSIONS);
    expect([...web.ROLES]).toEqual([...ROLES]);
  });

  it('computes the effective role as the API does: the strongest of agency-wide and client roles', () => {
    const m = [
      { agencyId: 'a', agencyName: 'A', clientId: 'c1', role: 'Reviewer' },
      { agencyId: 'a', agencyName: 'A', clientId: null, role: 'Analyst' },
      { agencyId: 'b', agencyName: 'B', clientId: null, role: 'Admin' },
    ];
    expect(web.roleOnClient(m, { id: 'c1', agencyId: 'a' })).toBe('Reviewer');
    expect(web.roleOnClient(m, { id: 'c2', agencyId: 'a' })).toBe('Analyst');
    expect(web.roleOnClient(m, { id: 'c3', agencyId: 'z' })).toBeNull();
    expect(web.roleOnAgency(m, 'a')).toBe('Analyst');
    // No membership, Admin or not, makes someone platform staff: only the API's `staff` answer does.
    expect(web.mayFlipGlobal({ staff: false })).toBe(false);
    expect(web.mayFlipGlobal({ staff: true })).toBe(true);
    expect(web.roleAllows('Reviewer', 'post.approve')).toBe(true);
    expect(web.roleAllows('Reviewer', 'post.schedule')).toBe(false);
    expect(web.roleAllows('Analyst', 'killswitch.set')).toBe(false);
  });
});
