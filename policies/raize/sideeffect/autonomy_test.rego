package raize.sideeffect_test

import data.raize.sideeffect

approval(id, role, checksum) := {"approver_id": id, "role": role, "checksum": checksum}

assisted := {"settings": {"autonomy": {"publish": "assisted"}}}

manual := {"settings": {"autonomy": {"publish": "manual"}}}

test_autonomous_needs_no_approval if {
	d := decide({})
	d.allow == true
	d.needs_approval == false
	not "approval_required" in codes(d)
}

test_assisted_without_approval_denies if {
	d := decide(assisted)
	denied_with(d, "approval_required")
	d.needs_approval == true
	"assisted autonomy for publish requires a valid approval of this content" in messages(d, "approval_required")
}

test_assisted_with_valid_approval_allows_ai_author if {
	d := decide(object.union(assisted, {"approvals": [approval("user-2", "Publisher", "abc")]}))
	d.allow == true
	d.needs_approval == true
}

test_every_approver_role_counts if {
	every role in ["Admin", "Manager", "Publisher", "Reviewer"] {
		decide(object.union(assisted, {"approvals": [approval("user-2", role, "abc")]})).allow == true
	}
}

test_approval_by_non_approver_role_is_void if {
	d := decide(object.union(assisted, {"approvals": [approval("user-2", "Viewer", "abc")]}))
	denied_with(d, "approval_required")
	not "approval_stale" in codes(d)
}

test_approver_roles_come_from_data if {
	d := decide(object.union(assisted, {"approvals": [approval("user-2", "Publisher", "abc")]})) with data.raize.defaults.approver_roles as ["Admin"]
	denied_with(d, "approval_required")
}

test_approval_without_approver_id_is_void if {
	denied_with(decide(object.union(assisted, {"approvals": [{"role": "Admin", "checksum": "abc"}]})), "approval_required")
}

test_approval_of_other_content_is_stale if {
	d := decide(object.union(assisted, {"approvals": [approval("user-2", "Publisher", "old")]}))
	denied_with(d, "approval_required")
	denied_with(d, "approval_stale")
}

test_approval_without_checksum_is_stale if {
	d := decide(object.union(assisted, {"approvals": [{"approver_id": "user-2", "role": "Admin"}]}))
	denied_with(d, "approval_required")
	denied_with(d, "approval_stale")
}

test_approval_cannot_match_missing_content_checksum if {
	raw := object.remove(object.union(assisted, base), ["content_checksum"])
	d := decide_input(object.union(raw, object.union(assisted, {"approvals": [{"approver_id": "user-2", "role": "Admin", "checksum": ""}]})))
	denied_with(d, "approval_required")
}

test_stale_approval_is_not_reported_next_to_a_valid_one if {
	d := decide(object.union(assisted, {"approvals": [
		approval("user-2", "Publisher", "old"),
		approval("user-3", "Publisher", "abc"),
	]}))
	d.allow == true
}

test_stale_approval_is_ignored_when_no_approval_is_needed if {
	decide({"approvals": [approval("user-2", "Publisher", "old")]}).allow == true
}

test_malformed_approvals_are_ignored if {
	denied_with(decide(object.union(assisted, {"approvals": "yes"})), "approval_required")
	d := decide(object.union(assisted, {"approvals": ["yes", approval("user-2", "Admin", "abc")]}))
	d.allow == true
}

test_manual_with_valid_approval_and_human_author_allows if {
	d := decide(object.union(manual, {
		"author": {"kind": "human"},
		"approvals": [approval("user-2", "Manager", "abc")],
	}))
	d.allow == true
	d.needs_approval == true
}

test_manual_with_ai_author_denies if {
	d := decide(object.union(manual, {"approvals": [approval("user-2", "Manager", "abc")]}))
	denied_with(d, "manual_requires_human_author")
	not "approval_required" in codes(d)
}

test_manual_without_approval_denies if {
	d := decide(object.union(manual, {"author": {"kind": "human"}}))
	denied_with(d, "approval_required")
	not "manual_requires_human_author" in codes(d)
}

test_missing_autonomy_defaults_to_manual if {
	d := decide_input(json.remove(base, ["settings/autonomy/publish"]))
	denied_with(d, "approval_required")
	denied_with(d, "manual_requires_human_author")
	"manual autonomy for publish requires a valid approval of this content" in messages(d, "approval_required")
}

test_unknown_autonomy_level_is_treated_as_manual if {
	d := decide({"settings": {"autonomy": {"publish": "yolo"}}})
	denied_with(d, "manual_requires_human_author")
}

test_autonomy_of_other_action_does_not_apply if {
	d := decide({"action": "dm", "settings": {"autonomy": {"reply": "autonomous"}}})
	denied_with(d, "approval_required")
}

test_malformed_autonomy_is_treated_as_manual if {
	denied_with(decide({"settings": {"autonomy": "autonomous"}}), "approval_required")
}

test_four_eyes_without_approval_denies_even_autonomous if {
	d := decide({"settings": {"four_eyes": true}})
	denied_with(d, "four_eyes")
	d.needs_approval == true
	not "approval_required" in codes(d)
}

test_four_eyes_self_approval_denies if {
	d := decide({"settings": {"four_eyes": true}, "approvals": [approval("user-1", "Admin", "abc")]})
	denied_with(d, "four_eyes")
}

test_four_eyes_with_independent_approval_allows if {
	d := decide({"settings": {"four_eyes": true}, "approvals": [approval("user-1", "Admin", "abc"), approval("user-2", "Reviewer", "abc")]})
	d.allow == true
}

test_four_eyes_approval_by_an_editor_denies if {
	d := decide({"settings": {"four_eyes": true}, "author": {"id": "user-1", "kind": "human", "ids": ["user-1", "user-2"]}, "approvals": [approval("user-2", "Reviewer", "abc")]})
	denied_with(d, "four_eyes")
}

test_four_eyes_approval_by_someone_who_wrote_nothing_allows if {
	d := decide({"settings": {"four_eyes": true}, "author": {"id": "user-1", "kind": "human", "ids": ["user-1", "user-2"]}, "approvals": [approval("user-2", "Reviewer", "abc"), approval("user-3", "Reviewer", "abc")]})
	d.allow == true
}

test_four_eyes_ignores_malformed_author_ids if {
	d := decide({"settings": {"four_eyes": true}, "author": {"id": "user-1", "kind": "human", "ids": [7, ""]}, "approvals": [approval("user-2", "Reviewer", "abc")]})
	d.allow == true
	denied_with(decide({"settings": {"four_eyes": true}, "author": {"id": "user-1", "kind": "human", "ids": "user-2"}, "approvals": [approval("user-1", "Reviewer", "abc")]}), "four_eyes")
}

test_four_eyes_with_assisted_and_self_approval_denies_only_four_eyes if {
	d := decide(object.union(assisted, {"settings": {"four_eyes": true}, "approvals": [approval("user-1", "Admin", "abc")]}))
	denied_with(d, "four_eyes")
	not "approval_required" in codes(d)
}

test_four_eyes_with_stale_independent_approval_denies if {
	d := decide({"settings": {"four_eyes": true}, "approvals": [approval("user-2", "Admin", "old")]})
	denied_with(d, "four_eyes")
	denied_with(d, "approval_stale")
}

test_four_eyes_with_invalid_role_denies if {
	denied_with(decide({"settings": {"four_eyes": true}, "approvals": [approval("user-2", "Intern", "abc")]}), "four_eyes")
}

test_four_eyes_without_author_id_denies if {
	d := decide_input(json.remove(object.union(base, {"settings": {"four_eyes": true}, "approvals": [approval("user-2", "Admin", "abc")]}), ["author/id"]))
	denied_with(d, "invalid_input")
	denied_with(d, "four_eyes")
}

test_four_eyes_only_when_true if {
	decide({"settings": {"four_eyes": "yes"}}).needs_approval == false
}

test_four_eyes_is_for_publish_not_for_autonomous_engagement if {
	reply := {"action": "reply", "settings": {"four_eyes": true, "autonomy": {"reply": "autonomous"}}}
	not "four_eyes" in codes(decide(reply))
	denied_with(decide({"settings": {"four_eyes": true}}), "four_eyes")
}

test_four_eyes_applies_to_every_action_without_the_list_in_the_data if {
	reply := object.union(base, {"action": "reply", "settings": {"four_eyes": true}})
	d := sideeffect.decision with input as reply with data.raize.defaults.four_eyes_actions as null
	denied_with(d, "four_eyes")
}
