package raize.sideeffect

quiet_window := object.get(settings, "quiet_hours", null)

quiet_hours_configured if quiet_window != null

quiet_window_well_formed if {
	is_number(quiet_window.start_hour)
	is_number(quiet_window.end_hour)
}

# in_quiet_window is true when hour h lies in [start, end); a window with
# start > end wraps midnight, start == end is an empty window.
in_quiet_window(h, start, end) if {
	start < end
	h >= start
	h < end
}

in_quiet_window(h, start, end) if {
	start > end
	h >= start
}

in_quiet_window(h, start, end) if {
	start > end
	h < end
}

# METADATA
# title: Quiet hours
# description: |
#   Denies while the client's local hour (local_time.hour, computed by the host in
#   the client's timezone) lies in [start_hour, end_hour) of settings.quiet_hours,
#   wrapping midnight when start_hour > end_hour. Applies at every autonomy level.
#   Without a local hour, or with a malformed window, it fails closed.
reasons contains reason("quiet_hours", sprintf("quiet hours %d:00-%d:00 (client local time %d:00)", [quiet_window.start_hour, quiet_window.end_hour, local_hour])) if {
	quiet_window_well_formed
	is_number(local_hour)
	in_quiet_window(local_hour, quiet_window.start_hour, quiet_window.end_hour)
}

reasons contains reason("quiet_hours", "quiet hours configured but local_time.hour is missing; failing closed") if {
	quiet_hours_configured
	not is_number(local_hour)
}

reasons contains reason("quiet_hours", "quiet hours are malformed (start_hour/end_hour must be numbers); failing closed") if {
	quiet_hours_configured
	not quiet_window_well_formed
}
