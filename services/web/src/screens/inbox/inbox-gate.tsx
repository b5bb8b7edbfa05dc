import { useId } from 'react';
import { type Permission, PERMISSIONS } from '../../auth/permissions';
import { useClientScope } from '../../auth/workspace';

export interface Gate {
  allowed: boolean;
  /** the id of the paragraph saying why, for the disabled buttons' aria-describedby */
  reasonId: string | undefined;
  reason: string | null;
}

const WHAT: Partial<Record<Permission, string>> = {
  'inbox.work': 'assign, add notes, manage saved replies, escalate or close',
  'reply.approve': 'approve, edit, reject or send replies',
};

/**
 * Whether the operator may use a section's buttons. Unlike other screens, the inbox shows them disabled with the
 * reason to those who may only read (Analysts), so they know what a colleague can do here; the API refuses anyway.
 */
export function useGate(permission: Permission): Gate {
  const { can, role } = useClientScope();
  const id = useId();
  const allowed = can(permission);
  if (allowed) return { allowed, reasonId: undefined, reason: null };
  const roles = (PERMISSIONS[permission] as readonly string[]).join(', ');
  return {
    allowed,
    reasonId: id,
    reason: `Your role (${role ?? 'none'}) may read the inbox but not ${WHAT[permission] ?? 'do this'}: that needs ${roles}.`,
  };
}

export function GateReason({ gate }: { gate: Gate }) {
  if (!gate.reason) return null;
  return (
    <p id={gate.reasonId} className="blocker" data-testid="not-allowed">
      {gate.reason}
    </p>
  );
}
