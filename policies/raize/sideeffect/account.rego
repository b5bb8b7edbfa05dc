package raize.sideeffect

# METADATA
# title: Account status
# description: |
#   Denies unless the connected account is in status "connected". A missing or
#   unknown status is reported as invalid_input (see input.rego).
reasons contains reason("account_quarantined", "account is quarantined") if {
	account_status == "quarantined"
}

reasons contains reason("account_read_only", "account is read-only") if {
	account_status == "read_only"
}

# METADATA
# title: Account needs reconnecting
# description: |
#   The platform refused the account's token (revoked, expired, refresh token
#   dead, re-consent due). Side effects pause until an operator reconnects the
#   same account; the episode asks again and goes on then.
reasons contains reason("account_needs_reconnect", "the platform refused the account's token; reconnect the account to resume") if {
	account_status == "needs_reconnect"
}
