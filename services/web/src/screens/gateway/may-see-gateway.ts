/**
 * Who the app shows the signed registry to: platform staff and Admins (services/api/modules/gateway/
 * gateway-tools.service.ts decides again on every request).
 */
export function maySeeGatewayRegistry(me: { staff: boolean; memberships: readonly { role: string }[] }): boolean {
  return me.staff || me.memberships.some((m) => m.role === 'Admin');
}
