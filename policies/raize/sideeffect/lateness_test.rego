package raize.sideeffect_test

late_by(seconds) := {"scheduled_at_s": base.now_s - seconds}

test_on_time_publish_allows if {
	decide(late_by(10)).allow == true
}

test_publish_at_cutoff_allows if {
	decide(late_by(3600)).allow == true
}

test_publish_past_default_cutoff_denies if {
	d := decide(late_by(3601))
	denied_with(d, "late")
	d.needs_approval == true
	"publish is 3601 seconds past its slot (cutoff 3600 seconds); needs fresh approval" in messages(d, "late")
}

test_client_cutoff_overrides_default if {
	denied_with(decide(object.union(late_by(61), {"settings": {"lateness_cutoff_seconds": 60}})), "late")
	decide(object.union(late_by(7000), {"settings": {"lateness_cutoff_seconds": 7200}})).allow == true
}

test_null_client_cutoff_uses_default if {
	denied_with(decide(object.union(late_by(3601), {"settings": {"lateness_cutoff_seconds": null}})), "late")
}

test_default_cutoff_comes_from_data if {
	d := decide(late_by(100)) with data.raize.defaults.default_lateness_cutoff_seconds as 60
	denied_with(d, "late")
}

test_lateness_only_applies_to_publish if {
	d := decide(object.union(late_by(999999), {"action": "reply"}))
	d.allow == true
	d.needs_approval == false
}

test_early_publish_is_not_late if {
	decide(late_by(-600)).allow == true
}
