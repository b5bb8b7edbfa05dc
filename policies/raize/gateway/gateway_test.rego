package raize.gateway_test

import data.raize.gateway

activity(task_class, role) := {"kind": "activity", "task_class": task_class, "role": role, "scopes": []}

assistant(role, scopes) := {"kind": "assistant", "task_class": "assistant", "role": role, "scopes": scopes}

open_tenant := {"tool_permissions": {}, "scripts_enabled": false}

ask(caller, name, class) := ask_in(caller, name, class, open_tenant)

ask_in(caller, name, class, tenant) := d if {
	d := gateway.decision with input as {"caller": caller, "tool": {"name": name, "class": class}, "tenant": tenant}
}

codes(d) := {r.code | some r in d.reasons}

messages(d, code) := {r.message | some r in d.reasons; r.code == code}

# Activities: the allowlist of the task class, narrowed by the role where the data says so (C-30).

test_planner_reaches_the_planning_tools if {
	every name in ["brand_kit", "kb_search", "text_generate", "analytics_query"] {
		d := ask(activity("planning", "planner"), name, "read")
		d.allow == true
		d.reasons == []
		d.needs_approval == false
	}
}

test_planner_cannot_reach_creation_or_operator_tools if {
	every name in ["image_generate", "web_fetch", "post_schedule", "post_draft", "clients_list", "script_run"] {
		d := ask(activity("planning", "planner"), name, "read")
		d.allow == false
		"tool_not_allowed" in codes(d)
	}
}

test_creator_reaches_web_fetch_and_images if {
	ask(activity("creation", "creator"), "web_fetch", "read").allow == true
	ask(activity("creation", "creator"), "image_generate", "generate").allow == true
	ask(activity("creation", "creator"), "analytics_query", "read").allow == false
}

test_drafter_proposes_replies_but_cannot_publish if {
	ask(activity("engagement", "drafter"), "reply_propose", "draft").allow == true
	every name in ["post_schedule", "post_draft", "clients_list", "analytics_query", "web_fetch", "script_run"] {
		d := ask(activity("engagement", "drafter"), name, "operate")
		"tool_not_allowed" in codes(d)
	}
}

test_router_is_narrower_than_its_task_class if {
	ask(activity("engagement", "router"), "text_generate", "generate").allow == true
	d := ask(activity("engagement", "router"), "reply_propose", "draft")
	"the router step of a engagement task may not use reply_propose" in messages(d, "tool_not_allowed")
}

test_role_of_another_task_class_denies if {
	d := ask(activity("planning", "drafter"), "text_generate", "generate")
	d.allow == false
	"tool_not_allowed" in codes(d)
	ask(activity("engagement", "planner"), "brand_kit", "read").allow == false
}

test_unknown_task_class_or_role_denies if {
	ask(activity("publishing", "planner"), "brand_kit", "read").allow == false
	ask(activity("planning", "boss"), "brand_kit", "read").allow == false
}

test_activity_ignores_scopes if {
	caller := object.union(activity("planning", "planner"), {"scopes": ["admin"]})
	ask(caller, "post_schedule", "operate").allow == false
}

# Assistants: the operator's role and the token's scopes (C-36).

test_analyst_reads_only if {
	ask(assistant("Analyst", ["read"]), "posts_list", "read").allow == true
	ask(assistant("Analyst", ["read", "publish"]), "text_generate", "generate").allow == false
	ask(assistant("Analyst", ["read", "publish"]), "reply_propose", "draft").allow == false
	ask(assistant("Analyst", ["read", "publish"]), "post_draft", "draft").allow == false
}

test_reviewer_may_propose_replies_only if {
	ask(assistant("Reviewer", ["read", "publish"]), "reply_propose", "draft").allow == true
	ask(assistant("Reviewer", ["read", "publish"]), "post_draft", "draft").allow == false
	ask(assistant("Reviewer", ["read", "publish"]), "post_schedule", "operate").allow == false
}

test_publisher_drafts_and_schedules_with_the_publish_scope if {
	every role in ["Publisher", "Manager", "Admin"] {
		ask(assistant(role, ["read", "publish"]), "post_draft", "draft").allow == true
		ask(assistant(role, ["read", "publish"]), "post_schedule", "operate").allow == true
		ask(assistant(role, ["read"]), "text_generate", "generate").allow == true
	}
}

test_missing_scope_denies_with_the_scope_named if {
	d := ask(assistant("Admin", ["read"]), "post_schedule", "operate")
	d.allow == false
	"the token lacks the publish scope that operate tools need" in messages(d, "tool_not_allowed")
	ask(assistant("Admin", []), "posts_list", "read").allow == false
}

test_unknown_operator_role_denies if {
	d := ask(assistant("ClientReviewer", ["read"]), "posts_list", "read")
	"an assistant acting as ClientReviewer may not use posts_list" in messages(d, "tool_not_allowed")
}

test_assistant_with_a_task_class_of_an_activity_denies if {
	caller := object.union(assistant("Admin", ["read"]), {"task_class": "planning"})
	ask(caller, "posts_list", "read").allow == false
}

test_unknown_tool_class_denies if {
	ask(assistant("Admin", ["read", "publish", "admin"]), "posts_list", "approve").allow == false
}

test_scopes_not_a_list_deny if {
	caller := object.union(assistant("Admin", []), {"scopes": "read"})
	ask(caller, "posts_list", "read").allow == false
}

# Scripts (C-38): Admin or Manager, the admin scope, and the agency's switch.

test_script_needs_the_switch if {
	d := ask(assistant("Admin", ["read", "admin"]), "script_run", "script")
	d.allow == false
	codes(d) == {"scripts_disabled"}
}

test_script_runs_for_admin_and_manager_when_on if {
	on := {"tool_permissions": {}, "scripts_enabled": true}
	ask_in(assistant("Admin", ["admin"]), "script_run", "script", on).allow == true
	ask_in(assistant("Manager", ["admin"]), "script_run", "script", on).allow == true
	ask_in(assistant("Publisher", ["read", "publish", "admin"]), "script_run", "script", on).allow == false
	d := ask_in(assistant("Admin", ["read", "publish"]), "script_run", "script", on)
	"the token lacks the admin scope that script tools need" in messages(d, "tool_not_allowed")
	ask_in(activity("creation", "creator"), "script_run", "script", on).allow == false
}

# The tenant's map only turns tools off.

test_tenant_can_turn_a_tool_off if {
	off := {"tool_permissions": {"kb_search": false}, "scripts_enabled": false}
	d := ask_in(activity("planning", "planner"), "kb_search", "read", off)
	codes(d) == {"tenant_disabled"}
	"kb_search is turned off for this agency" in messages(d, "tenant_disabled")
}

test_tenant_true_does_not_widen if {
	on := {"tool_permissions": {"post_schedule": true}, "scripts_enabled": false}
	ask_in(activity("engagement", "drafter"), "post_schedule", "operate", on).allow == false
	ask_in(activity("planning", "planner"), "kb_search", "read", on).allow == true
}

# Fail closed on input the policy cannot read.

test_non_object_input_denies if {
	d := gateway.decision with input as "list everything"
	d.allow == false
	"policy_error" in codes(d)
}

test_missing_parts_deny if {
	d := gateway.decision with input as {"caller": activity("planning", "planner")}
	"the gateway policy received no readable tool" in messages(d, "policy_error")
	"the gateway policy received no readable tenant" in messages(d, "policy_error")
	"the gateway policy received no tool name" in messages(d, "policy_error")
}

test_unknown_caller_kind_denies if {
	d := ask({"kind": "robot", "task_class": "planning", "role": "planner"}, "kb_search", "read")
	"this caller may not use kb_search" in messages(d, "tool_not_allowed")
	e := ask({"task_class": "planning", "role": "planner"}, "kb_search", "read")
	"the gateway policy received no caller kind" in messages(e, "policy_error")
}

test_missing_allowlists_deny if {
	d := gateway.decision with input as {
		"caller": activity("planning", "planner"),
		"tool": {"name": "kb_search", "class": "read"},
		"tenant": open_tenant,
	}
		with data.raize.defaults as {}
	d.allow == false
	"policy_error" in codes(d)
	"tool_not_allowed" in codes(d)
}
