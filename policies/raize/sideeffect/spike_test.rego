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

negative(inbound, neg) := {
	"action": "reply",
	"settings": {"autonomy": {"reply": "autonomous"}},
	"counters": {"inbound_last_hour": inbound, "negative_last_hour": neg},
}

test_negative_storm_sends_engagement_to_human_review if {
	d := decide(negative(10, 6))
	denied_with(d, "negative_spike")
	"6 of 10 inbound messages on this account in the last hour were negative; a human must review reply" in messages(d, "negative_spike")
	d.needs_approval == false
}

test_negative_spike_below_ratio_or_volume_passes if {
	not "negative_spike" in codes(decide(negative(10, 5)))
	not "negative_spike" in codes(decide(negative(9, 9)))
}

test_negative_spike_covers_every_engagement_action_but_not_publish if {
	every act in ["dm", "like", "hide"] {
		denied_with(decide(object.union(negative(20, 20), {"action": act, "settings": {"autonomy": {act: "autonomous"}}})), "negative_spike")
	}
	not "negative_spike" in codes(decide(object.union(negative(20, 20), {"action": "publish"})))
}

test_approved_reply_passes_a_negative_spike if {
	approved := object.union(negative(20, 20), {"approvals": [{"approver_id": "user-2", "role": "Manager", "checksum": "abc"}]})
	not "negative_spike" in codes(decide(approved))
}

test_host_without_sentiment_counters_is_not_checked if {
	not "negative_spike" in codes(decide({"action": "reply"}))
}
