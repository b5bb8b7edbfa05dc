/**
 * Who the app shows the Diagnostics screen to: platform staff, and Admins (of an agency or of a client). The API
 * decides again on every request (services/api/modules/diagnostics/diagnostics-access.service.ts).
 */
export function maySeeDiagnostics(me: { staff: boolean; memberships: readonly { role: string }[] }): boolean {
  return me.staff || me.memberships.some((m) => m.role === 'Admin');
}
