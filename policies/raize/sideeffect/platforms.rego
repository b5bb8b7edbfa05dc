package raize.sideeffect

enabled_platforms := array_field(settings, "enabled_platforms")

# METADATA
# title: Platform disallowed
# description: |
#   Denies platforms listed in data.raize.defaults.disallowed_platforms unless the
#   client explicitly opted in through settings.enabled_platforms.
reasons contains reason("platform_disallowed", sprintf("platform %s is disallowed by default and not enabled for this client", [platform])) if {
	platform in defaults.disallowed_platforms
	not platform in enabled_platforms
}
