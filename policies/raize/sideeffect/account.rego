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
