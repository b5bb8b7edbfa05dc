package raize.sideeffect_test

spiky(last_hour, usual_daily) := {"counters": {"account_last_hour": last_hour, "account_usual_daily": usual_daily}}

test_usual_volume_is_no_spike if {
	not "spike" in codes(decide(spiky(19, 3)))
}

test_burst_over_the_floor_is_a_spike if {
	d := decide(spiky(20, 3))
	denied_with(d, "spike")
	"20 publish side effects on this account in the last hour, far above its usual volume; a human must review" in messages(d, "spike")
}

test_busy_account_has_a_higher_threshold if {
	not "spike" in codes(decide(spiky(60, 240)))
	denied_with(decide(spiky(100, 240)), "spike")
}

test_approved_content_passes_a_spike if {
	approved := object.union(spiky(50, 0), {"approvals": [{"approver_id": "user-2", "role": "Manager", "checksum": "abc"}]})
	not "spike" in codes(decide(approved))
}

test_host_without_spike_counters_is_not_checked if {
	not "spike" in codes(decide({}))
}
