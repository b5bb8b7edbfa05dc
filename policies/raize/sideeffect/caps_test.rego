package raize.sideeffect_test

cap(scope, max) := {"action": "publish", "scope": scope, "max_per_day": max}

test_cap_below_limit_allows if {
	not "cap_reached" in codes(decide({"counters": {"account_today": 9}}))
}

test_account_cap_reached_denies if {
	d := decide({"counters": {"account_today": 10}})
	denied_with(d, "cap_reached")
	"daily cap for publish at account scope reached (10 of 10)" in messages(d, "cap_reached")
}

test_cap_exceeded_denies if {
	denied_with(decide({"counters": {"account_today": 11}}), "cap_reached")
}

test_client_cap_uses_client_counter if {
	denied_with(decide({"settings": {"caps": [cap("client", 5)]}}), "cap_reached")
	not "cap_reached" in codes(decide({"settings": {"caps": [cap("client", 6)]}}))
}

test_global_cap_uses_global_counter if {
	denied_with(decide({"settings": {"caps": [cap("global", 9)]}}), "cap_reached")
	not "cap_reached" in codes(decide({"settings": {"caps": [cap("global", 10)]}}))
}

test_cap_for_other_action_is_ignored if {
	decide({"settings": {"caps": [{"action": "reply", "scope": "account", "max_per_day": 0}]}}).allow == true
}

test_cap_for_other_platform_is_ignored if {
	decide({"settings": {"caps": [{"action": "publish", "platform": "x", "scope": "account", "max_per_day": 0}]}}).allow == true
}

test_cap_for_same_platform_applies if {
	denied_with(decide({"settings": {"caps": [{"action": "publish", "platform": "sandbox", "scope": "account", "max_per_day": 3}]}}), "cap_reached")
}

test_cap_with_null_platform_applies_to_any_platform if {
	denied_with(decide({"settings": {"caps": [{"action": "publish", "platform": null, "scope": "account", "max_per_day": 3}]}}), "cap_reached")
}

test_every_reached_cap_is_reported if {
	d := decide({"settings": {"caps": [cap("account", 1), cap("client", 1), cap("global", 100)]}})
	count(messages(d, "cap_reached")) == 2
}

test_cap_with_unknown_scope_fails_closed if {
	denied_with(decide({"settings": {"caps": [cap("planet", 100)]}}), "cap_reached")
}

test_cap_without_max_fails_closed if {
	denied_with(decide({"settings": {"caps": [{"action": "publish", "scope": "account"}]}}), "cap_reached")
}

test_cap_without_counter_fails_closed if {
	d := decide_input(json.remove(base, ["counters/account_today"]))
	denied_with(d, "cap_reached")
	denied_with(decide_input(object.remove(base, ["counters"])), "cap_reached")
}

test_no_caps_allows_without_counters if {
	raw := object.remove(object.union(base, {"settings": {"caps": [], "cooldown_seconds": {"publish": null}}}), ["counters"])
	decide_input(raw).allow == true
}

test_cooldown_not_elapsed_denies if {
	d := decide({"counters": {"seconds_since_last": 59}})
	denied_with(d, "cooldown")
	"cooldown for publish: 59 of 60 seconds elapsed" in messages(d, "cooldown")
}

test_cooldown_elapsed_allows if {
	decide({"counters": {"seconds_since_last": 60}}).allow == true
}

test_cooldown_never_sent_allows if {
	decide({"counters": {"seconds_since_last": null}}).allow == true
}

test_cooldown_missing_last_send_fails_closed if {
	denied_with(decide_input(json.remove(base, ["counters/seconds_since_last"])), "cooldown")
	denied_with(decide({"counters": {"seconds_since_last": "soon"}}), "cooldown")
}

test_cooldown_misconfigured_fails_closed if {
	denied_with(decide({"settings": {"cooldown_seconds": {"publish": "60"}}}), "cooldown")
}

test_cooldown_of_other_action_is_ignored if {
	decide({"settings": {"cooldown_seconds": {"publish": null, "reply": 600}}, "counters": {"seconds_since_last": 1}}).allow == true
}

test_no_cooldown_configured_allows if {
	decide({"settings": {"cooldown_seconds": {"publish": null}}, "counters": {"seconds_since_last": 0}}).allow == true
	raw := json.remove(base, ["settings/cooldown_seconds"])
	decide_input(object.union(raw, {"counters": {"seconds_since_last": 0}})).allow == true
}

spend_cap(p, max) := {"platform": p, "max_usd_micros_per_month": max}

test_spend_below_cap_allows if {
	not "spend_cap_reached" in codes(decide({"platform": "x", "settings": {"spend_caps": [spend_cap("x", 30000)]}, "counters": {"platform_spend_month_usd_micros": 15000}}))
}

test_spend_at_cap_denies if {
	d := decide({"platform": "x", "settings": {"spend_caps": [spend_cap("x", 30000)]}, "counters": {"platform_spend_month_usd_micros": 30000}})
	denied_with(d, "spend_cap_reached")
	"monthly spend cap on x reached (30000 of 30000 USD micros)" in messages(d, "spend_cap_reached")
}

test_spend_cap_of_other_platform_is_ignored if {
	not "spend_cap_reached" in codes(decide({"platform": "sandbox", "settings": {"spend_caps": [spend_cap("x", 0)]}}))
}

test_spend_cap_without_counter_fails_closed if {
	denied_with(decide({"platform": "x", "settings": {"spend_caps": [spend_cap("x", 30000)]}}), "spend_cap_reached")
}

test_spend_cap_without_figure_fails_closed if {
	denied_with(decide({"platform": "x", "settings": {"spend_caps": [{"platform": "x"}]}, "counters": {"platform_spend_month_usd_micros": 0}}), "spend_cap_reached")
}

# Engagement actions carry defaults (data.raize.defaults.action_defaults) where the client set none.
engagement(act, counters) := {
	"action": act,
	"settings": {"autonomy": {act: "autonomous"}, "cooldown_seconds": {"publish": 60}},
	"counters": counters,
}

test_default_engagement_cap_per_account if {
	not "cap_reached" in codes(decide(engagement("reply", {"account_today": 299})))
	d := decide(engagement("reply", {"account_today": 300}))
	"default daily cap for reply per account reached (300 of 300)" in messages(d, "cap_reached")
	denied_with(decide(engagement("dm", {"account_today": 100})), "cap_reached")
}

test_client_caps_replace_the_default if {
	own := object.union(engagement("reply", {"account_today": 400}), {"settings": {"caps": [{"action": "reply", "scope": "account", "max_per_day": 1000}]}})
	not "cap_reached" in codes(decide(own))
}

test_default_cap_without_an_account_counter_fails_closed if {
	raw := object.union(base, {"action": "like", "settings": {"autonomy": {"like": "autonomous"}}})
	d := decide_input(object.union(raw, {"counters": {"account_today": "many"}}))
	"default daily cap for like cannot be checked (no account counter); failing closed" in messages(d, "cap_reached")
}

test_default_engagement_cooldown_per_account if {
	d := decide(engagement("dm", {"seconds_since_last": 3}))
	"cooldown for dm: 3 of 5 seconds elapsed" in messages(d, "cooldown")
	not "cooldown" in codes(decide(engagement("dm", {"seconds_since_last": 5})))
	not "cooldown" in codes(decide(engagement("hide", {"seconds_since_last": 0})))
}

test_client_cooldown_replaces_the_default if {
	own := object.union(engagement("dm", {"seconds_since_last": 3}), {"settings": {"cooldown_seconds": {"dm": 1}}})
	not "cooldown" in codes(decide(own))
}
