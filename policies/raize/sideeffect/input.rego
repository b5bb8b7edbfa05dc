package raize.sideeffect

# Normalised views of the input and of the bundled defaults.
#
# Every view is always defined: a missing or wrongly-typed field becomes null (scalars)
# or an empty object/array. Rules must read the input through these views and never
# through raw `input.x` refs, because in Rego `not f(input.x)` is *undefined* (not true)
# when input.x is missing, which would silently skip a deny.

defaults := data.raize.defaults

known_actions := {"publish", "reply", "dm", "like", "hide", "delete"}

known_account_statuses := {"connected", "quarantined", "read_only", "needs_reconnect"}

known_author_kinds := {"human", "ai"}

tenant_keys := ["agency_id", "client_id", "account_id"]

input_is_object if is_object(input)

request := input if {
	input_is_object
} else := {}

action := object.get(request, "action", null)

platform := object.get(request, "platform", null)

lane := object.get(request, "lane", null)

now_s := object.get(request, "now_s", null)

scheduled_at_s := object.get(request, "scheduled_at_s", null)

content_checksum := object.get(request, "content_checksum", null)

tenant := object_field(request, "tenant")

settings := object_field(request, "settings")

counters := object_field(request, "counters")

account := object_field(request, "account")

author := object_field(request, "author")

local_time := object_field(request, "local_time")

approvals := array_field(request, "approvals")

kill_switches := array_field(request, "kill_switches")

account_status := object.get(account, "status", null)

author_id := object.get(author, "id", null)

author_kind := object.get(author, "kind", null)

local_hour := object.get(local_time, "hour", null)

action_label := action if {
	is_string(action)
} else := "<missing>"

# object_field returns obj[key] when it is an object, else {}.
object_field(obj, key) := value if {
	value := object.get(obj, key, null)
	is_object(value)
} else := {}

# array_field returns obj[key] when it is an array, else [].
array_field(obj, key) := value if {
	value := object.get(obj, key, null)
	is_array(value)
} else := []

non_empty_string(x) if {
	is_string(x)
	x != ""
}

settings_present if is_object(object.get(request, "settings", null))

kill_switches_present if is_array(object.get(request, "kill_switches", null))

valid_author if {
	non_empty_string(author_id)
	author_kind in known_author_kinds
}

# METADATA
# title: Invalid input
# description: |
#   Fails closed when the host sent an input the policy cannot judge safely: not an
#   object, an unknown action, missing tenant ids, or a missing platform, clock
#   (now_s), account status, author (id and kind), settings object or kill-switch
#   list. A publish must also carry the time of its slot (scheduled_at_s).
reasons contains reason("invalid_input", "input must be an object") if not input_is_object

reasons contains reason("invalid_input", sprintf("unknown action %s (expected publish, reply, dm, like, hide or delete)", [action_label])) if {
	not action in known_actions
}

reasons contains reason("invalid_input", sprintf("tenant.%s is missing", [key])) if {
	some key in tenant_keys
	not non_empty_string(object.get(tenant, key, null))
}

reasons contains reason("invalid_input", "platform is missing") if not non_empty_string(platform)

reasons contains reason("invalid_input", "now_s is missing or not a number") if not is_number(now_s)

reasons contains reason("invalid_input", "scheduled_at_s is required for publish") if {
	action == "publish"
	not is_number(scheduled_at_s)
}

reasons contains reason("invalid_input", "account.status is missing or unknown") if {
	not account_status in known_account_statuses
}

reasons contains reason("invalid_input", "author.id and author.kind (human or ai) are required") if {
	not valid_author
}

reasons contains reason("invalid_input", "settings object is missing") if not settings_present

reasons contains reason("invalid_input", "kill_switches list is missing") if not kill_switches_present

# METADATA
# title: Policy data missing
# description: |
#   Fails closed when the bundled defaults (data.raize.defaults) are absent or
#   malformed, e.g. the host loaded the wasm without its data.json.
reasons contains reason("policy_data_missing", "data.raize.defaults is missing or malformed") if {
	not defaults_valid
}

defaults_valid if {
	is_array(defaults.disallowed_platforms)
	is_array(defaults.approver_roles)
	is_number(defaults.default_lateness_cutoff_seconds)
}
