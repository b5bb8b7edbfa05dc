package raize.sideeffect_test

test_connected_account_allows if {
	d := decide({"account": {"status": "connected"}})
	not "account_quarantined" in codes(d)
	not "account_read_only" in codes(d)
	d.allow == true
}

test_quarantined_account_denies if {
	d := decide({"account": {"status": "quarantined"}})
	denied_with(d, "account_quarantined")
	not "account_read_only" in codes(d)
}

test_read_only_account_denies if {
	d := decide({"account": {"status": "read_only"}})
	denied_with(d, "account_read_only")
	not "account_quarantined" in codes(d)
}

test_read_only_account_denies_every_action if {
	every a in ["publish", "reply", "dm", "like", "delete"] {
		denied_with(decide({"action": a, "account": {"status": "read_only"}}), "account_read_only")
	}
}

test_needs_reconnect_account_pauses_every_action if {
	every a in ["publish", "reply", "dm", "like", "delete"] {
		d := decide({"action": a, "account": {"status": "needs_reconnect"}})
		denied_with(d, "account_needs_reconnect")
		not "invalid_input" in codes(d)
		not "account_quarantined" in codes(d)
	}
}

test_connected_account_is_not_told_to_reconnect if {
	not "account_needs_reconnect" in codes(decide({"account": {"status": "connected"}}))
	not "account_needs_reconnect" in codes(decide({"account": {"status": "read_only"}}))
}
