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
	decide({"lane": "hybrid", "account": {"allowed_lanes": ["api", "hybrid"]}}).allow == true
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
