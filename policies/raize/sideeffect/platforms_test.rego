package raize.sideeffect_test

test_default_platform_allows if {
	not "platform_disallowed" in codes(decide({"platform": "sandbox"}))
}

test_disallowed_platform_denies if {
	d := decide({"platform": "skool"})
	denied_with(d, "platform_disallowed")
	"platform skool is disallowed by default and not enabled for this client" in messages(d, "platform_disallowed")
}

test_disallowed_platform_enabled_by_client_allows if {
	d := decide({"platform": "skool", "settings": {"enabled_platforms": ["skool"]}})
	d.allow == true
}

test_enabling_another_platform_does_not_enable_skool if {
	denied_with(decide({"platform": "skool", "settings": {"enabled_platforms": ["other"]}}), "platform_disallowed")
}

test_malformed_enabled_platforms_does_not_enable if {
	denied_with(decide({"platform": "skool", "settings": {"enabled_platforms": "skool"}}), "platform_disallowed")
}

test_disallowed_platforms_come_from_data if {
	d := decide({"platform": "sandbox"}) with data.raize.defaults.disallowed_platforms as ["sandbox"]
	denied_with(d, "platform_disallowed")
	decide({"platform": "skool"}).allow == true with data.raize.defaults.disallowed_platforms as []
}
