package raize.sideeffect_test

engagement_task(act) := {"action": act, "task_class": "engagement", "settings": {"autonomy": {act: "autonomous"}}}

test_engagement_task_may_take_its_actions if {
	every act in ["reply", "dm", "like", "hide"] {
		not "task_not_allowed" in codes(decide(engagement_task(act)))
	}
}

test_c30_engagement_task_cannot_publish if {
	d := decide({"task_class": "engagement"})
	denied_with(d, "task_not_allowed")
	"the engagement task may not publish" in messages(d, "task_not_allowed")
}

test_publish_task_may_publish_but_not_reply if {
	decide({"task_class": "publish"}).allow == true
	denied_with(decide({"task_class": "publish", "action": "reply"}), "task_not_allowed")
}

test_creation_and_planning_tasks_take_no_side_effect if {
	denied_with(decide({"task_class": "creation"}), "task_not_allowed")
	denied_with(decide({"task_class": "planning", "action": "like"}), "task_not_allowed")
}

test_unknown_or_malformed_task_class_may_take_nothing if {
	denied_with(decide({"task_class": "gateway"}), "task_not_allowed")
	d := decide({"task_class": 7})
	"the <malformed> task may not publish" in messages(d, "task_not_allowed")
}

test_host_without_task_class_is_not_checked if {
	not "task_not_allowed" in codes(decide({}))
}
