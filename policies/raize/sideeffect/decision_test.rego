package raize.sideeffect_test

import data.raize.sideeffect

# A representative autonomous publish that every rule lets through. Tests patch it
# with object.union (deep merge for objects, arrays are replaced) or remove fields.
base := {
	"action": "publish",
	"platform": "sandbox",
	"lane": "api",
	"now_s": 1764000000,
	"scheduled_at_s": 1763999990,
	"local_time": {"hour": 14, "minute": 5, "weekday": 3},
	"tenant": {"agency_id": "ag-1", "client_id": "cl-1", "account_id": "ac-1"},
	"author": {"id": "user-1", "kind": "ai"},
	"approvals": [],
	"content_checksum": "abc",
	"kill_switches": [],
	"account": {"status": "connected", "allowed_lanes": ["api"]},
	"settings": {
		"autonomy": {"publish": "autonomous", "reply": "autonomous"},
		"four_eyes": false,
		"caps": [{"action": "publish", "scope": "account", "max_per_day": 10}],
		"cooldown_seconds": {"publish": 60},
		"quiet_hours": {"start_hour": 22, "end_hour": 7},
		"lateness_cutoff_seconds": null,
		"enabled_platforms": [],
	},
	"counters": {"account_today": 3, "client_today": 5, "global_today": 9, "seconds_since_last": 120},
}

decide(patch) := d if {
	d := sideeffect.decision with input as object.union(base, patch)
}

decide_input(raw) := d if {
	d := sideeffect.decision with input as raw
}

codes(d) := {r.code | some r in d.reasons}

messages(d, code) := {r.message | some r in d.reasons; r.code == code}

denied_with(d, code) if {
	d.allow == false
	code in codes(d)
}

test_base_input_is_allowed if {
	d := decide({})
	d.allow == true
	d.reasons == []
	d.needs_approval == false
}

test_decision_has_exactly_the_contract_keys if {
	object.keys(decide({})) == {"allow", "reasons", "needs_approval"}
}

test_allow_is_false_whenever_there_is_a_reason if {
	d := decide({"account": {"status": "quarantined"}})
	d.allow == false
	count(d.reasons) > 0
	every r in d.reasons {
		is_string(r.code)
		is_string(r.message)
		r.message != ""
	}
}

test_reasons_are_sorted if {
	d := decide({"platform": "skool", "lane": "browser", "account": {"status": "read_only"}})
	count(d.reasons) >= 3
	d.reasons == sort(d.reasons)
}

test_missing_input_denies if {
	d := sideeffect.decision
	denied_with(d, "invalid_input")
}

test_non_object_input_denies if {
	denied_with(decide_input("publish"), "invalid_input")
	denied_with(decide_input([base]), "invalid_input")
	denied_with(decide_input(null), "invalid_input")
}

test_empty_input_denies if {
	d := decide_input({})
	denied_with(d, "invalid_input")
	denied_with(d, "lane_not_allowed")
	denied_with(d, "approval_required")
}

test_needs_approval_false_for_autonomous if {
	not decide({}).needs_approval
}

test_needs_approval_true_for_assisted_even_when_approved if {
	d := decide({
		"settings": {"autonomy": {"publish": "assisted"}},
		"approvals": [{"approver_id": "user-2", "role": "Publisher", "checksum": "abc"}],
	})
	d.allow == true
	d.needs_approval == true
}

test_needs_approval_true_for_manual if {
	decide({"settings": {"autonomy": {"publish": "manual"}}}).needs_approval == true
}

test_needs_approval_true_for_four_eyes if {
	decide({"settings": {"four_eyes": true}}).needs_approval == true
}

test_needs_approval_true_when_late if {
	decide({"scheduled_at_s": 1764000000 - 7200}).needs_approval == true
}
