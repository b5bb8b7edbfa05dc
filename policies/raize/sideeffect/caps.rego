package raize.sideeffect

# Maps a cap scope to the counter the host supplies for it.
cap_scope_counter := {
	"account": "account_today",
	"client": "client_today",
	"global": "global_today",
}

caps := array_field(settings, "caps")

cap_applies(cap) if {
	cap.action == action
	cap_platform_matches(cap)
}

# A cap without a platform (absent or null) applies to every platform.
cap_platform_matches(cap) if object.get(cap, "platform", null) == null

cap_platform_matches(cap) if cap.platform == platform

cap_well_formed(cap) if {
	is_number(cap.max_per_day)
	is_number(counters[cap_scope_counter[cap.scope]])
}

# METADATA
# title: Daily cap reached
# description: |
#   For every cap matching the action (and its platform when set), denies once the
#   counter of the cap's scope (account_today, client_today, global_today) has
#   reached max_per_day. A cap with an unknown scope, no max_per_day or no counter
#   from the host fails closed.
reasons contains reason("cap_reached", sprintf("daily cap for %s at %s scope reached (%d of %d)", [action_label, cap.scope, used, cap.max_per_day])) if {
	some cap in caps
	cap_applies(cap)
	cap_well_formed(cap)
	used := counters[cap_scope_counter[cap.scope]]
	used >= cap.max_per_day
}

reasons contains reason("cap_reached", sprintf("daily cap for %s cannot be checked (unknown scope, no max_per_day or no counter); failing closed", [action_label])) if {
	some cap in caps
	cap_applies(cap)
	not cap_well_formed(cap)
}

# The client's cooldown for the action; without one, the action's default
# (data.raize.defaults.action_defaults, engagement actions), else none.
cooldown_limit := limit if {
	limit := object.get(object_field(settings, "cooldown_seconds"), action, null)
	limit != null
} else := object.get(action_defaults, "cooldown_seconds", null)

seconds_since_last := object.get(counters, "seconds_since_last", "<missing>")

# METADATA
# title: Cooldown
# description: |
#   With settings.cooldown_seconds[action] set (else the action's default in
#   data.raize.defaults.action_defaults), denies while fewer seconds than that
#   have passed since the last such action on the account. seconds_since_last null means "never";
#   an absent or non-numeric value (or a non-numeric cooldown) fails closed.
reasons contains reason("cooldown", sprintf("cooldown for %s: %d of %d seconds elapsed", [action_label, seconds_since_last, cooldown_limit])) if {
	is_number(cooldown_limit)
	is_number(seconds_since_last)
	seconds_since_last < cooldown_limit
}

reasons contains reason("cooldown", sprintf("cooldown for %s cannot be checked (counters.seconds_since_last missing); failing closed", [action_label])) if {
	is_number(cooldown_limit)
	not is_number(seconds_since_last)
	seconds_since_last != null
}

reasons contains reason("cooldown", sprintf("cooldown for %s is misconfigured (not a number); failing closed", [action_label])) if {
	cooldown_limit != null
	not is_number(cooldown_limit)
}

spend_caps := array_field(settings, "spend_caps")

spend_cap_applies(cap) if cap.platform == platform

platform_spend := object.get(counters, "platform_spend_month_usd_micros", "<missing>")

# METADATA
# title: Monthly platform spend cap
# description: |
#   A platform that bills per request (X) records what each post cost; with
#   settings.spend_caps [{platform, max_usd_micros_per_month}] the client's spend on
#   that platform this month (counters.platform_spend_month_usd_micros) must be below
#   the cap for another post to go out. A cap without a number, or no counter from
#   the host, fails closed.
reasons contains reason("spend_cap_reached", sprintf("monthly spend cap on %s reached (%d of %d USD micros)", [platform, platform_spend, cap.max_usd_micros_per_month])) if {
	some cap in spend_caps
	spend_cap_applies(cap)
	is_number(cap.max_usd_micros_per_month)
	is_number(platform_spend)
	platform_spend >= cap.max_usd_micros_per_month
}

reasons contains reason("spend_cap_reached", sprintf("monthly spend cap on %s cannot be checked (no cap figure or no spend from the host); failing closed", [platform])) if {
	some cap in spend_caps
	spend_cap_applies(cap)
	not spend_cap_checkable(cap)
}

spend_cap_checkable(cap) if {
	is_number(cap.max_usd_micros_per_month)
	is_number(platform_spend)
}

# Per-action defaults (engagement actions): a daily cap per account and a
# cooldown, used where the client configured none for the action.
action_defaults := object_field(object_field(defaults, "action_defaults"), action)

client_caps_action if {
	some cap in caps
	cap.action == action
}

default_account_cap := object.get(action_defaults, "max_per_account_day", null)

account_today := object.get(counters, "account_today", null)

# METADATA
# title: Default daily cap per account
# description: |
#   An action with a default in data.raize.defaults.action_defaults (reply, dm,
#   like, hide) is capped per account and day at max_per_account_day unless the
#   client set caps of its own for the action. Without an account counter from
#   the host it fails closed.
reasons contains reason("cap_reached", sprintf("default daily cap for %s per account reached (%d of %d)", [action_label, account_today, default_account_cap])) if {
	not client_caps_action
	is_number(default_account_cap)
	is_number(account_today)
	account_today >= default_account_cap
}

reasons contains reason("cap_reached", sprintf("default daily cap for %s cannot be checked (no account counter); failing closed", [action_label])) if {
	not client_caps_action
	is_number(default_account_cap)
	not is_number(account_today)
}
