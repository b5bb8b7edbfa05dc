# METADATA
# title: Raize side-effect policy
# description: |
#   Decides whether a side effect (publish, reply, dm, like, hide, delete) may run for a
#   client. Deny by default: the decision allows only when no rule in this package
#   produced a reason. Rules are split by family across the files of this package;
#   each family adds entries to the `reasons` set. Tunable defaults live in
#   data.raize.defaults (policies/raize/data.json), never in the rules.
# scope: package
package raize.sideeffect

# METADATA
# title: Side-effect decision (entry point)
# description: |
#   The object the host asks for: allow is true only when there are zero reasons;
#   reasons is sorted (by code, then message) so the output is deterministic;
#   needs_approval tells the host the action must go through the approval queue.
# entrypoint: true
decision := {
	"allow": allow,
	"reasons": sort(reasons),
	"needs_approval": needs_approval,
}

# METADATA
# title: Allow
# description: True only when no rule produced a reason (deny by default).
default allow := false

allow if count(reasons) == 0

# METADATA
# title: Needs approval
# description: |
#   True whenever the action cannot run without a (fresh) approval: the autonomy
#   level requires one, four-eyes is on, or a publish is past its lateness cutoff.
#   It is reported whether or not a valid approval is present.
default needs_approval := false

needs_approval if autonomy_requires_approval

needs_approval if four_eyes_enabled

needs_approval if publish_is_late

# reason builds one entry of the reasons set.
reason(code, message) := {"code": code, "message": message}
