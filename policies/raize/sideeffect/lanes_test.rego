package raize.sideeffect_test

test_allowed_lane_allows if {
	not "lane_not_allowed" in codes(decide({}))
}

test_lane_not_in_allowed_lanes_denies if {
	d := decide({"lane": "browser"})
	denied_with(d, "lane_not_allowed")
	"lane browser is not allowed for this account" in messages(d, "lane_not_allowed")
}

test_lane_in_multi_lane_account_allows if {
	decide({"lane": "hybrid", "account": {"allowed_lanes": ["api", "hybrid"], "browser_profile": {"mode": "read_only", "writer": "api"}}}).allow == true
}

test_missing_lane_denies if {
	d := decide_input(object.remove(base, ["lane"]))
	"lane <missing> is not allowed for this account" in messages(d, "lane_not_allowed")
}

test_missing_allowed_lanes_denies if {
	denied_with(decide_input(json.remove(base, ["account/allowed_lanes"])), "lane_not_allowed")
	denied_with(decide({"account": {"allowed_lanes": []}}), "lane_not_allowed")
	denied_with(decide({"account": {"allowed_lanes": "api"}}), "lane_not_allowed")
}

browser_account(profile) := {"allowed_lanes": ["api", "browser", "hybrid"], "browser_profile": profile}

test_browser_lane_without_profile_denies if {
	d := decide({"lane": "browser", "account": browser_account(null)})
	denied_with(d, "browser_profile_missing")
}

test_hybrid_lane_without_profile_denies if {
	denied_with(decide({"lane": "hybrid", "account": browser_account(null)}), "browser_profile_missing")
}

test_browser_lane_read_only_profile_denies if {
	d := decide({"lane": "browser", "account": browser_account({"mode": "read_only", "writer": "browser"})})
	denied_with(d, "browser_profile_read_only")
	not "browser_profile_missing" in codes(d)
}

test_browser_lane_side_effect_profile_allows if {
	decide({"lane": "browser", "account": browser_account({"mode": "side_effects", "writer": "browser"})}).allow == true
}

test_hybrid_api_writer_reads_through_a_read_only_profile if {
	decide({"lane": "hybrid", "account": browser_account({"mode": "read_only", "writer": "api"})}).allow == true
}

test_hybrid_browser_writer_needs_side_effect_mode if {
	d := decide({"lane": "hybrid", "account": browser_account({"mode": "read_only", "writer": "browser"})})
	denied_with(d, "browser_profile_read_only")
}

test_api_lane_ignores_the_profile if {
	decide({"account": {"allowed_lanes": ["api"], "browser_profile": {"mode": "read_only", "writer": "browser"}}}).allow == true
}

test_unknown_profile_mode_denies if {
	d := decide({"lane": "browser", "account": browser_account({"mode": "sideeffects", "writer": "browser"})})
	denied_with(d, "browser_profile_read_only")
}
