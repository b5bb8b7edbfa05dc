# METADATA
# title: Raize MCP tool gateway allowlists
# description: |
#   Decides whether a caller of the MCP tool gateway may see and call one tool (C-30,
#   C-36): an activity by the allowlist of its task class and agent role, an operator's
#   assistant by the operator's role on the client and the API token's scopes; the
#   tenant's permission map can only turn tools off, and scripts (C-38) need an Admin
#   or a Manager and the agency's switch. Deny by default: allowed only when a rule
#   permits the tool and no rule produced a reason. The allowlists are data
#   (data.raize.defaults.gateway in policies/raize/data.json); the host sends the
#   caller, the tool's signed class and the tenant's settings.
# scope: package
package raize.gateway

# METADATA
# title: Gateway decision (entry point)
# description: |
#   allow is true only with zero reasons; reasons are sorted so the output is
#   deterministic. needs_approval is false: a tool is either allowed or not, and the
#   tools that lead to a publish wait for a human in their own episode.
# entrypoint: true
decision := {
	"allow": allow,
	"reasons": sort(reasons),
	"needs_approval": false,
}

default allow := false

allow if count(reasons) == 0

reason(code, message) := {"code": code, "message": message}

# Normalised views: a missing or wrongly typed field becomes a safe value (never one
# that permits), and the policy_error rules say the input could not be read.

request := input if is_object(input)

else := {}

object_field(obj, key) := v if {
	v := object.get(obj, key, {})
	is_object(v)
} else := {}

string_field(obj, key) := v if {
	v := object.get(obj, key, "")
	is_string(v)
} else := ""

caller := object_field(request, "caller")

tool := object_field(request, "tool")

tenant := object_field(request, "tenant")

kind := string_field(caller, "kind")

task_class := string_field(caller, "task_class")

role := string_field(caller, "role")

tool_name := string_field(tool, "name")

tool_class := string_field(tool, "class")

scopes := {s | some s in object.get(caller, "scopes", []); is_string(s)} if is_array(object.get(caller, "scopes", null))

else := set()

permissions := object_field(tenant, "tool_permissions")

scripts_enabled if object.get(tenant, "scripts_enabled", false) == true

settings := object.get(data.raize.defaults, "gateway", {})

# METADATA
# title: Unreadable input
# description: The host sent something this policy cannot read; nothing is listed or called.
reasons contains reason("policy_error", sprintf("the gateway policy received no readable %s", [field])) if {
	some field in ["caller", "tool", "tenant"]
	not is_object(object.get(request, field, null))
}

reasons contains reason("policy_error", sprintf("the gateway policy received no %s", [field])) if {
	some [obj, key, field] in [
		[caller, "kind", "caller kind"],
		[tool, "name", "tool name"],
		[tool, "class", "tool class"],
	]
	string_field(obj, key) == ""
}

reasons contains reason("policy_error", "the gateway policy has no allowlists (data.raize.defaults.gateway)") if {
	not is_object(object.get(data.raize.defaults, "gateway", null))
}

# METADATA
# title: Tool not allowed
# description: No allowlist of this caller names the tool (deny by default).
reasons contains reason("tool_not_allowed", sprintf("%s may not use %s", [who, tool_name])) if {
	tool_name != ""
	not permitted
	who := describe_caller
}

default describe_caller := "this caller"

describe_caller := sprintf("the %s step of a %s task", [role, task_class]) if kind == "activity"

describe_caller := sprintf("an assistant acting as %s", [role]) if kind == "assistant"

permitted if {
	kind == "activity"
	activity_permitted
}

permitted if {
	kind == "assistant"
	assistant_permitted
}

# An activity: its role must belong to its task class (a drafter token is never a
# planning token), and the tool must be on the task class's list and, where the role
# has a narrower list (the router), on that one too.
activity_permitted if {
	object.get(settings.agent_roles, role, null) == task_class
	tool_name in object.get(settings.task_tools, task_class, [])
	role_narrowing_allows
}

role_narrowing_allows if not is_array(object.get(settings.role_tools, role, null))

role_narrowing_allows if tool_name in settings.role_tools[role]

# An assistant: the operator's role on the client allows the tool's class or names the
# tool, and the token carries the scope the tool's class needs.
assistant_permitted if {
	task_class == "assistant"
	grant := object.get(settings.operator_roles, role, {})
	role_grants(grant)
	needed := object.get(settings.class_scopes, tool_class, null)
	is_string(needed)
	needed in scopes
}

role_grants(grant) if tool_class in object.get(grant, "classes", [])

role_grants(grant) if tool_name in object.get(grant, "tools", [])

# METADATA
# title: Missing token scope
# description: An assistant's token lacks the scope the tool's class needs.
reasons contains reason("tool_not_allowed", sprintf("the token lacks the %s scope that %s tools need", [needed, tool_class])) if {
	kind == "assistant"
	needed := settings.class_scopes[tool_class]
	not needed in scopes
}

# METADATA
# title: Tool off for the tenant
# description: The agency's Admins turned the tool off; no role or task turns it back on.
reasons contains reason("tenant_disabled", sprintf("%s is turned off for this agency", [tool_name])) if {
	object.get(permissions, tool_name, true) == false
}

# METADATA
# title: Scripts off
# description: Script execution (C-38) is off unless an Admin turned it on for the agency.
reasons contains reason("scripts_disabled", "script execution is off for this agency") if {
	tool_class == "script"
	not scripts_enabled
}
