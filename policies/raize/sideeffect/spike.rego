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

negative_spike := object_field(defaults, "negative_spike")

inbound_last_hour := object.get(counters, "inbound_last_hour", null)

negative_last_hour := object.get(counters, "negative_last_hour", null)

negative_spike_applies if action in array_field(negative_spike, "actions")

# METADATA
# title: Negative sentiment spike
# description: |
#   A storm of negative comments and messages on one account (a crisis, a pile-on)
#   switches its engagement to human review: with at least min_inbound routed
#   inbound messages in the last hour, of which negative_percent or more were
#   negative (data.raize.defaults.negative_spike), an engagement action without a
#   valid approval is denied with "negative_spike" and the host lowers the
#   client's autonomy for it. Hosts that do not send the counters are not checked.
reasons contains reason("negative_spike", sprintf("%d of %d inbound messages on this account in the last hour were negative; a human must review %s", [negative_last_hour, inbound_last_hour, action_label])) if {
	negative_spike_applies
	is_number(inbound_last_hour)
	is_number(negative_last_hour)
	inbound_last_hour >= negative_spike.min_inbound
	negative_last_hour * 100 >= negative_spike.negative_percent * inbound_last_hour
	not has_valid_approval
}
