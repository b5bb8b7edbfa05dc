package raize.sideeffect_test

at_hour(h) := {"local_time": {"hour": h}}

window(start, end, h) := decide({"settings": {"quiet_hours": {"start_hour": start, "end_hour": end}}, "local_time": {"hour": h}})

test_outside_wrapping_window_allows if {
	every h in [7, 8, 14, 21] {
		decide(at_hour(h)).allow == true
	}
}

test_inside_wrapping_window_denies if {
	every h in [22, 23, 0, 3, 6] {
		denied_with(decide(at_hour(h)), "quiet_hours")
	}
}

test_quiet_hours_message_names_the_window if {
	"quiet hours 22:00-7:00 (client local time 23:00)" in messages(decide(at_hour(23)), "quiet_hours")
}

test_non_wrapping_window if {
	denied_with(window(9, 17, 9), "quiet_hours")
	denied_with(window(9, 17, 16), "quiet_hours")
	window(9, 17, 17).allow == true
	window(9, 17, 8).allow == true
}

test_empty_window_never_applies if {
	window(5, 5, 5).allow == true
}

test_no_quiet_hours_allows_at_night if {
	decide({"settings": {"quiet_hours": null}, "local_time": {"hour": 3}}).allow == true
}

test_quiet_hours_apply_to_assisted_and_manual_alike if {
	approved := {"author": {"kind": "human"}, "approvals": [{"approver_id": "user-2", "role": "Admin", "checksum": "abc"}], "local_time": {"hour": 23}}
	every level in ["assisted", "manual", "autonomous"] {
		d := decide(object.union(approved, {"settings": {"autonomy": {"publish": level}}}))
		codes(d) == {"quiet_hours"}
	}
}

test_missing_local_hour_fails_closed if {
	denied_with(decide_input(object.remove(base, ["local_time"])), "quiet_hours")
	denied_with(decide({"local_time": {"hour": "23"}}), "quiet_hours")
}

test_missing_local_hour_without_quiet_hours_allows if {
	raw := object.remove(object.union(base, {"settings": {"quiet_hours": null}}), ["local_time"])
	decide_input(raw).allow == true
}

test_malformed_quiet_hours_fail_closed if {
	denied_with(decide({"settings": {"quiet_hours": {"start_hour": "22"}}}), "quiet_hours")
	denied_with(decide({"settings": {"quiet_hours": "22-7"}}), "quiet_hours")
}
