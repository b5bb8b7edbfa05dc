package raize.sideeffect

# Maps a kill-switch scope to the tenant id it must match.
kill_switch_tenant_key := {
	"agency": "agency_id",
	"client": "client_id",
	"account": "account_id",
}

# METADATA
# title: Kill switch
# description: |
#   Denies while an engaged kill switch matches the action: a global switch always
#   matches; agency, client and account switches match only when their scope_id is
#   the tenant's id at that scope. Switches for other tenants or unknown scopes are
#   ignored.
reasons contains reason("kill_switch", "kill switch engaged at global scope") if {
	some ks in kill_switches
	ks.scope == "global"
}

reasons contains reason("kill_switch", sprintf("kill switch engaged at %s scope (%s)", [ks.scope, ks.scope_id])) if {
	some ks in kill_switches
	key := kill_switch_tenant_key[ks.scope]
	non_empty_string(ks.scope_id)
	ks.scope_id == tenant[key]
}
