package raize.sideeffect

# The client's cutoff when set, else the bundled default.
lateness_cutoff := cutoff if {
	cutoff := object.get(settings, "lateness_cutoff_seconds", null)
	is_number(cutoff)
} else := defaults.default_lateness_cutoff_seconds

publish_is_late if {
	action == "publish"
	is_number(now_s)
	is_number(scheduled_at_s)
	now_s - scheduled_at_s > lateness_cutoff
}

# METADATA
# title: Late publish
# description: |
#   A publish running more than the lateness cutoff (settings.lateness_cutoff_seconds,
#   else data.raize.defaults.default_lateness_cutoff_seconds) after its slot is
#   denied; it needs a fresh approval and a new slot.
reasons contains reason("late", sprintf("publish is %d seconds past its slot (cutoff %d seconds); needs fresh approval", [now_s - scheduled_at_s, lateness_cutoff])) if {
	publish_is_late
}
