import { DECISION_ROLES } from '../../../core/repositories/post-decision.rules';
import { POST_DECISION_KINDS } from '../../../../workflows/contracts/vocabulary/post-decisions';
import type { Permission } from '../../auth/permissions';
import { PERMISSIONS } from '../../auth/permissions';

describe("the worker's decision roles", () => {
  it.each(POST_DECISION_KINDS)('[C-21] %s: the same roles as the permission matrix grants', (kind) => {
    const { permission, roles } = DECISION_ROLES[kind];
    expect(Object.keys(PERMISSIONS)).toContain(permission);
    expect([...roles].sort()).toEqual([...PERMISSIONS[permission as Permission]].sort());
  });
});
