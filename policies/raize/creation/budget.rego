# METADATA
# title: Raize AI budget and step contract
# description: |
#   Decides whether an AI call (planner, creator) may run for a client: the client's
#   monthly budget and the step's recursion contract (depth, tool calls, tokens, cost,
#   wall time). Deny by default: allowed only when no rule produced a reason. Every
#   limit comes from the input (the client's settings, read by the host); nothing
#   here is a number of its own.
# scope: package
package raize.creation

# METADATA
# title: AI budget decision (entry point)
# description: |
#   allow only with zero reasons; reasons sorted for a deterministic answer;
#   needs_approval when only a human can unblock the step (its contract is spent),
#   not when waiting suffices (the monthly budget renews on the 1st).
# entrypoint: true
budget := {
	"allow": allow,
	"reasons": sort(reasons),
	"needs_approval": needs_approval,
}

default allow := false

allow if count(reasons) == 0

default needs_approval := false

needs_approval if "contract_exceeded" in {r.code | some r in reasons}

reason(code, message) := {"code": code, "message": message}

# Rego orders values across types (null sorts before every number), so every comparison of a limit is guarded:
# a missing number is reported as input_invalid, never read as a limit of "nothing".
over(used, limit) if {
	is_number(used)
	is_number(limit)
	used > limit
}

request := input if is_object(input)

else := {}

contract := object.get(request, "contract", {})

spend := object.get(request, "step_spend", {})

# A missing or non-numeric (or negative) value reads as null, and null fails closed below.
num(obj, key) := v if {
	v := object.get(obj, key, null)
	is_number(v)
	v >= 0
} else := null

budget_micros := num(request, "budget_micros")

spent_micros := num(request, "spent_micros")

estimate_micros := num(request, "estimate_micros")

# Tokens the call itself may add (prompt and maximum output); absent means none.
estimate_tokens := object.get(request, "estimate_tokens", 0)

required := [
	["budget_micros", budget_micros],
	["spent_micros", spent_micros],
	["estimate_micros", estimate_micros],
	["contract.max_depth", num(contract, "max_depth")],
	["contract.max_tool_calls", num(contract, "max_tool_calls")],
	["contract.max_tokens", num(contract, "max_tokens")],
	["contract.max_cost_micros", num(contract, "max_cost_micros")],
	["contract.max_wall_ms", num(contract, "max_wall_ms")],
	["step_spend.tokens", num(spend, "tokens")],
	["step_spend.cost_micros", num(spend, "cost_micros")],
	["step_spend.tool_calls", num(spend, "tool_calls")],
	["step_spend.depth", num(spend, "depth")],
	["step_spend.elapsed_ms", num(spend, "elapsed_ms")],
]

# METADATA
# title: Input invalid
# description: A required number is missing, not a number or negative; the host must fix its call (fail closed).
reasons contains reason("input_invalid", sprintf("%s must be a number of at least 0", [name])) if {
	some [name, value] in required
	value == null
}

reasons contains reason("input_invalid", "estimate_tokens must be a number of at least 0") if {
	not valid_estimate_tokens
}

valid_estimate_tokens if {
	is_number(estimate_tokens)
	estimate_tokens >= 0
}

# METADATA
# title: Monthly budget exhausted
# description: |
#   A call that costs something is denied when it would take the month's spend over
#   the client's budget. A free call (the local provider) is never stopped by money.
reasons contains reason("budget_exhausted", sprintf("the monthly AI budget is spent: %d of %d micro-USD used, this call may cost %d", [spent_micros, budget_micros, estimate_micros])) if {
	every v in [budget_micros, spent_micros, estimate_micros] {
		is_number(v)
	}
	estimate_micros > 0
	spent_micros + estimate_micros > budget_micros
}

# METADATA
# title: Step contract exceeded
# description: |
#   The step went deeper, called more often, or used more tokens, money or time than
#   its contract allows: it ends with this reason and a human decides (nothing loops).
reasons contains reason("contract_exceeded", sprintf("depth %d is over the step's limit of %d", [spend.depth, contract.max_depth])) if {
	over(num(spend, "depth"), num(contract, "max_depth"))
}

reasons contains reason("contract_exceeded", sprintf("the step already made %d calls, its limit is %d", [spend.tool_calls, contract.max_tool_calls])) if {
	over(num(spend, "tool_calls") + 1, num(contract, "max_tool_calls"))
}

reasons contains reason("contract_exceeded", sprintf("tokens: %d used and up to %d more would pass the step's limit of %d", [spend.tokens, estimate_tokens, contract.max_tokens])) if {
	valid_estimate_tokens
	over(num(spend, "tokens") + estimate_tokens, num(contract, "max_tokens"))
}

reasons contains reason("contract_exceeded", sprintf("cost: %d micro-USD used and up to %d more would pass the step's limit of %d", [spend.cost_micros, estimate_micros, contract.max_cost_micros])) if {
	over(num(spend, "cost_micros") + estimate_micros, num(contract, "max_cost_micros"))
}

reasons contains reason("contract_exceeded", sprintf("wall time: the step has run %d ms, its limit is %d", [spend.elapsed_ms, contract.max_wall_ms])) if {
	over(num(spend, "elapsed_ms"), num(contract, "max_wall_ms"))
}
