package raize.sideeffect_test

client_stages := {"settings": {"approval_stages": {"publish": {"default": "internal", "sandbox": "internal_then_client"}}}}

internal_only := {"settings": {"approval_stages": {"publish": {"default": "internal"}}}}

agency_ok := {"approver_id": "user-2", "role": "Manager", "checksum": "abc"}

client_ok := {"approver_id": "rev-1", "role": "ClientReviewer", "checksum": "abc"}

test_no_stages_change_nothing if {
	d := decide({})
	d.allow == true
	not "client_approval_required" in codes(d)
}

test_internal_stage_needs_agency_approval_even_when_autonomous if {
	d := decide(internal_only)
	denied_with(d, "approval_required")
	d.needs_approval == true
	"the client's approval stages for publish on sandbox require the agency's approval of this content" in messages(d, "approval_required")
	decide(object.union(internal_only, {"approvals": [agency_ok]})).allow == true
}

test_client_stage_needs_both_approvals if {
	denied_with(decide(client_stages), "approval_required")
	denied_with(decide(client_stages), "client_approval_required")
	only_agency := decide(object.union(client_stages, {"approvals": [agency_ok]}))
	denied_with(only_agency, "client_approval_required")
	not "approval_required" in codes(only_agency)
	decide(object.union(client_stages, {"approvals": [agency_ok, client_ok]})).allow == true
}

test_client_approval_alone_is_not_the_agency_approval if {
	d := decide(object.union(client_stages, {"approvals": [client_ok]}))
	denied_with(d, "approval_required")
	not "client_approval_required" in codes(d)
}

test_operator_approval_is_not_the_client_approval if {
	d := decide(object.union(client_stages, {"approvals": [agency_ok, {"approver_id": "user-3", "role": "Admin", "checksum": "abc"}]}))
	denied_with(d, "client_approval_required")
}

test_client_approval_of_other_content_is_void if {
	stale := {"approver_id": "rev-1", "role": "ClientReviewer", "checksum": "old"}
	d := decide(object.union(client_stages, {"approvals": [agency_ok, stale]}))
	denied_with(d, "client_approval_required")
}

test_platform_stage_overrides_default if {
	other := object.union(client_stages, {"platform": "linkedin", "approvals": [agency_ok]})
	decide(other).allow == true
}

test_unknown_stage_is_none if {
	d := decide({"settings": {"approval_stages": {"publish": {"default": "everyone"}}}})
	d.allow == true
}

test_stages_of_other_actions_do_not_apply if {
	d := decide({"settings": {"approval_stages": {"reply": {"default": "internal_then_client"}}}})
	d.allow == true
}
