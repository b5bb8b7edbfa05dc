package raize.sideeffect

# The client's approval stages (issue #14): per action, by platform with a
# "default", one of "none", "internal" or "internal_then_client". Stages add to
# the autonomy, never relax it: "none" leaves the autonomy's own requirement.
approval_stage_names := {"none", "internal", "internal_then_client"}

stages_of_action := object_field(object_field(settings, "approval_stages"), action_label)

approval_stage := stage if {
	stage := object.get(stages_of_action, platform_label, null)
	stage in approval_stage_names
} else := stage if {
	stage := object.get(stages_of_action, "default", null)
	stage in approval_stage_names
} else := "none"

platform_label := platform if {
	is_string(platform)
} else := "<missing>"

internal_stage_required if approval_stage in {"internal", "internal_then_client"}

client_stage_required if approval_stage == "internal_then_client"

# A client reviewer's approval counts for the client stage only, and only of the
# content about to be sent; an operator's never does.
valid_client_approval(a) if {
	non_empty_string(a.approver_id)
	a.role == defaults.client_approver_role
	approval_matches_content(a)
}

has_valid_client_approval if {
	some a in approvals
	valid_client_approval(a)
}

needs_approval if internal_stage_required

# METADATA
# title: Client approval required
# description: |
#   With the stages "internal_then_client" for the action and platform, the client's
#   reviewer must approve exactly this content too (role
#   data.raize.defaults.client_approver_role), after the agency's own approval.
#   An edit voids both (the approvals are of a checksum).
reasons contains reason("client_approval_required", sprintf("the client requires its own approval of this content before %s on %s", [action_label, platform_label])) if {
	client_stage_required
	not has_valid_client_approval
}
