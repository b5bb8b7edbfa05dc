package raize.sideeffect

allowed_lanes := array_field(account, "allowed_lanes")

lane_label := lane if {
	is_string(lane)
} else := "<missing>"

# METADATA
# title: Lane not allowed
# description: |
#   Denies when the execution lane (api, browser, hybrid) is not one the account
#   allows. A missing lane or a missing allowed_lanes list denies.
reasons contains reason("lane_not_allowed", sprintf("lane %s is not allowed for this account", [lane_label])) if {
	not lane in allowed_lanes
}

browser_lanes := {"browser", "hybrid"}

browser_profile := object_field(account, "browser_profile")

# The browser writes when the lane is browser, or hybrid with the browser as its writer (the host says which).
browser_writes if lane == "browser"

browser_writes if {
	lane == "hybrid"
	object.get(browser_profile, "writer", null) == "browser"
}

# METADATA
# title: Browser profile missing
# description: |
#   Denies a browser or hybrid lane action when the account has no browser
#   profile attached (the host sends account.browser_profile, or null).
reasons contains reason("browser_profile_missing", "the account acts through the browser but has no browser profile") if {
	lane in browser_lanes
	object.get(browser_profile, "mode", null) == null
}

# METADATA
# title: Browser profile read-only
# description: |
#   Denies a side effect written through the browser unless the profile is in
#   side-effect mode, which two different Admins switch on (C-42) and drift or a
#   challenge page switches off again (C-43).
reasons contains reason("browser_profile_read_only", "the browser profile is read-only; two Admins must enable side effects") if {
	browser_writes
	object.get(browser_profile, "mode", null) != null
	object.get(browser_profile, "mode", null) != "side_effects"
}
