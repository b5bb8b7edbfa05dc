package raize.sideeffect_test

test_no_kill_switch_allows if {
	decide({"kill_switches": []}).allow == true
}

test_global_kill_switch_denies if {
	d := decide({"kill_switches": [{"scope": "global"}]})
	denied_with(d, "kill_switch")
	"kill switch engaged at global scope" in messages(d, "kill_switch")
}

test_global_kill_switch_denies_with_any_scope_id if {
	denied_with(decide({"kill_switches": [{"scope": "global", "scope_id": "whatever"}]}), "kill_switch")
}

test_agency_kill_switch_for_tenant_denies if {
	d := decide({"kill_switches": [{"scope": "agency", "scope_id": "ag-1"}]})
	denied_with(d, "kill_switch")
	"kill switch engaged at agency scope (ag-1)" in messages(d, "kill_switch")
}

test_client_kill_switch_for_tenant_denies if {
	d := decide({"kill_switches": [{"scope": "client", "scope_id": "cl-1"}]})
	"kill switch engaged at client scope (cl-1)" in messages(d, "kill_switch")
}

test_account_kill_switch_for_tenant_denies if {
	d := decide({"kill_switches": [{"scope": "account", "scope_id": "ac-1"}]})
	"kill switch engaged at account scope (ac-1)" in messages(d, "kill_switch")
}

test_kill_switches_of_other_tenants_are_ignored if {
	d := decide({"kill_switches": [
		{"scope": "agency", "scope_id": "ag-2"},
		{"scope": "client", "scope_id": "cl-2"},
		{"scope": "account", "scope_id": "ac-2"},
	]})
	d.allow == true
}

test_kill_switch_scope_ids_do_not_cross_scopes if {
	# the client id used as an account switch does not match
	d := decide({
		"tenant": {"account_id": "same"},
		"kill_switches": [{"scope": "client", "scope_id": "same"}],
	})
	not "kill_switch" in codes(d)
}

test_unknown_kill_switch_scope_is_ignored if {
	decide({"kill_switches": [{"scope": "planet", "scope_id": "ac-1"}]}).allow == true
}

test_scoped_kill_switch_without_id_is_ignored if {
	decide({"kill_switches": [{"scope": "client"}, {"scope": "client", "scope_id": ""}]}).allow == true
}

test_every_matching_kill_switch_is_reported if {
	d := decide({"kill_switches": [{"scope": "global"}, {"scope": "client", "scope_id": "cl-1"}, {"scope": "client", "scope_id": "cl-9"}]})
	count(messages(d, "kill_switch")) == 2
}
