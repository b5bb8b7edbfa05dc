package raize.sideeffect

task_class := object.get(request, "task_class", null)

task_class_label := task_class if {
	is_string(task_class)
} else := "<malformed>"

# The actions the asking task class may take (data.raize.defaults.task_actions);
# an unknown or malformed class may take none.
task_allowed_actions := allowed if {
	is_string(task_class)
	allowed := object.get(object_field(defaults, "task_actions"), task_class, [])
	is_array(allowed)
} else := []

# METADATA
# title: Task allowlist
# description: |
#   The host names the task class asking (the lane its activity runs on); each
#   class may take only the actions data.raize.defaults.task_actions lists for it:
#   the engagement task replies, DMs, likes and hides, and never publishes,
#   whatever the inbound text says (C-30). A host that sends no task class is not
#   checked; an unknown class may take nothing.
reasons contains reason("task_not_allowed", sprintf("the %s task may not %s", [task_class_label, action_label])) if {
	task_class != null
	not action in task_allowed_actions
}
