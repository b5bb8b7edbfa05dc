package raize.sideeffect

autonomy_levels := {"manual", "assisted", "autonomous"}

# The client's autonomy level for this action; a missing or unknown level is
# treated as "manual", the most restrictive one.
autonomy_level := level if {
	level := object.get(object_field(settings, "autonomy"), action, null)
	level in autonomy_levels
} else := "manual"

autonomy_requires_approval if autonomy_level in {"manual", "assisted"}

# Four eyes guards what goes out as the brand's own content, the actions in
# data.raize.defaults.four_eyes_actions (publish, delete); engagement actions are
# governed by the client's autonomy per action. Without that list in the data it
# applies to every action.
four_eyes_enabled if {
	object.get(settings, "four_eyes", false) == true
	four_eyes_applies
}

four_eyes_applies if not is_array(defaults.four_eyes_actions)

four_eyes_applies if action in defaults.four_eyes_actions

# An approval counts only when the approver's role may approve and it approved
# exactly the content about to be sent.
valid_approval(a) if {
	non_empty_string(a.approver_id)
	a.role in defaults.approver_roles
	approval_matches_content(a)
}

approval_matches_content(a) if {
	non_empty_string(a.checksum)
	a.checksum == content_checksum
}

has_valid_approval if {
	some a in approvals
	valid_approval(a)
}

# Everyone who wrote the content: author.id and every id in author.ids (the
# scheduler, the asset's creator and every editor). None of them is a second pair
# of eyes.
author_ids contains author_id if non_empty_string(author_id)

author_ids contains id if {
	some id in array_field(author, "ids")
	non_empty_string(id)
}

has_independent_approval if {
	non_empty_string(author_id)
	some a in approvals
	valid_approval(a)
	not a.approver_id in author_ids
}

stale_approval_present if {
	some a in approvals
	is_object(a)
	not approval_matches_content(a)
}

approval_missing if {
	autonomy_requires_approval
	not has_valid_approval
}

# The client's approval stages ask for the agency's approval even where the
# autonomy would not (stages.rego); reported under the same code.
approval_missing if {
	internal_stage_required
	not autonomy_requires_approval
	not has_valid_approval
}

four_eyes_missing if {
	four_eyes_enabled
	not has_independent_approval
}

# METADATA
# title: Approval required
# description: |
#   "assisted" and "manual" autonomy need at least one valid approval (approver role
#   in data.raize.defaults.approver_roles and checksum equal to content_checksum).
#   "autonomous" needs none.
reasons contains reason("approval_required", sprintf("%s autonomy for %s requires a valid approval of this content", [autonomy_level, action_label])) if {
	autonomy_requires_approval
	approval_missing
}

reasons contains reason("approval_required", sprintf("the client's approval stages for %s on %s require the agency's approval of this content", [action_label, platform_label])) if {
	not autonomy_requires_approval
	approval_missing
}

# METADATA
# title: Manual requires a human author
# description: '"manual" autonomy only lets content authored by a human through.'
reasons contains reason("manual_requires_human_author", sprintf("manual autonomy for %s requires a human author", [action_label])) if {
	autonomy_level == "manual"
	author_kind != "human"
}

# METADATA
# title: Four eyes
# description: |
#   With settings.four_eyes on, a valid approval by someone who is none of the authors
#   (author.id and author.ids: whoever scheduled, created or edited the content) is
#   required, whatever the autonomy level, for the actions listed in
#   data.raize.defaults.four_eyes_actions.
reasons contains reason("four_eyes", "four-eyes principle requires a valid approval by someone other than the author") if {
	four_eyes_missing
}

# METADATA
# title: Approval stale
# description: |
#   Reported next to approval_required / four_eyes when an approval exists but for
#   different content (the content changed after it was approved); such an approval
#   is void.
reasons contains reason("approval_stale", "an approval exists but for different content; the content changed after it was approved") if {
	approval_missing
	stale_approval_present
}

reasons contains reason("approval_stale", "an approval exists but for different content; the content changed after it was approved") if {
	four_eyes_missing
	stale_approval_present
}
