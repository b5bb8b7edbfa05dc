package raize.sideeffect

spike_last_hour := object.get(counters, "account_last_hour", null)

spike_usual_daily := object.get(counters, "account_usual_daily", null)

# Far more than the account's usual volume: at least spike_min_per_hour in the last
# hour, and spike_factor times its usual hourly rate.
spike_threshold := max([defaults.spike_min_per_hour, (defaults.spike_factor * spike_usual_daily) / 24])

# METADATA
# title: Spike
# description: |
#   A burst of side effects on one account (a loop, a runaway automation) switches
#   the action to human review: without a valid approval it is denied with "spike".
#   The host then lowers the client's autonomy for the action to "assisted".
#   Hosts that do not send the spike counters are not checked.
reasons contains reason("spike", sprintf("%d %s side effects on this account in the last hour, far above its usual volume; a human must review", [spike_last_hour, action_label])) if {
	is_number(spike_last_hour)
	is_number(spike_usual_daily)
	spike_last_hour >= spike_threshold
	not has_valid_approval
}
