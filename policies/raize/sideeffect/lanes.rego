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
