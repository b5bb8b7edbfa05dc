package raize.sideeffect_test

test_every_known_action_is_accepted if {
	every a in ["publish", "reply", "dm", "like", "delete"] {
		d := decide({"action": a, "settings": {"autonomy": {a: "autonomous"}, "caps": [], "cooldown_seconds": {a: null}}})
		not "invalid_input" in codes(d)
		d.allow == true
	}
}

test_unknown_action_denies if {
	d := decide({"action": "follow"})
	denied_with(d, "invalid_input")
	some m in messages(d, "invalid_input")
	contains(m, "unknown action follow")
}

test_missing_action_denies if {
	denied_with(decide_input(object.remove(base, ["action"])), "invalid_input")
}

test_non_string_action_denies if {
	denied_with(decide({"action": 7}), "invalid_input")
}

test_each_missing_tenant_id_denies if {
	every key in ["agency_id", "client_id", "account_id"] {
		d := decide_input(json.remove(base, [concat("/", ["tenant", key])]))
		denied_with(d, "invalid_input")
		concat("", ["tenant.", key, " is missing"]) in messages(d, "invalid_input")
	}
}

test_empty_tenant_id_denies if {
	denied_with(decide({"tenant": {"client_id": ""}}), "invalid_input")
}

test_missing_tenant_denies if {
	d := decide_input(object.remove(base, ["tenant"]))
	count(messages(d, "invalid_input")) == 3
}

test_missing_platform_denies if {
	denied_with(decide_input(object.remove(base, ["platform"])), "invalid_input")
	denied_with(decide({"platform": ""}), "invalid_input")
}

test_missing_now_denies if {
	denied_with(decide_input(object.remove(base, ["now_s"])), "invalid_input")
	denied_with(decide({"now_s": "1764000000"}), "invalid_input")
}

test_publish_without_slot_denies if {
	d := decide_input(object.remove(base, ["scheduled_at_s"]))
	"scheduled_at_s is required for publish" in messages(d, "invalid_input")
	d.allow == false
}

test_reply_without_slot_is_fine if {
	d := decide_input(object.remove(object.union(base, {"action": "reply"}), ["scheduled_at_s"]))
	d.allow == true
}

test_missing_account_status_denies if {
	denied_with(decide_input(json.remove(base, ["account/status"])), "invalid_input")
	denied_with(decide({"account": {"status": "paused"}}), "invalid_input")
	denied_with(decide_input(object.remove(base, ["account"])), "invalid_input")
}

test_missing_author_denies if {
	denied_with(decide_input(object.remove(base, ["author"])), "invalid_input")
	denied_with(decide({"author": {"kind": "robot"}}), "invalid_input")
	denied_with(decide_input(json.remove(base, ["author/id"])), "invalid_input")
}

test_missing_settings_denies if {
	d := decide_input(object.remove(base, ["settings"]))
	"settings object is missing" in messages(d, "invalid_input")
	denied_with(decide({"settings": "none"}), "invalid_input")
}

test_missing_kill_switches_denies if {
	d := decide_input(object.remove(base, ["kill_switches"]))
	"kill_switches list is missing" in messages(d, "invalid_input")
	denied_with(decide({"kill_switches": {"scope": "global"}}), "invalid_input")
}

test_missing_policy_data_denies if {
	d := decide({}) with data.raize.defaults as {}
	denied_with(d, "policy_data_missing")
}

test_malformed_policy_data_denies if {
	d := decide({}) with data.raize.defaults.approver_roles as "Admin"
	denied_with(d, "policy_data_missing")
}

test_bundled_policy_data_is_valid if {
	not "policy_data_missing" in codes(decide({}))
}

test_hide_is_a_known_action if {
	not "invalid_input" in codes(decide({"action": "hide", "settings": {"autonomy": {"hide": "autonomous"}}}))
}
