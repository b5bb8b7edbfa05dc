package raize.creation_test

import data.raize.creation

base := {
	"budget_micros": 10000000,
	"spent_micros": 2000000,
	"estimate_micros": 50000,
	"estimate_tokens": 1200,
	"contract": {
		"max_depth": 3,
		"max_tool_calls": 8,
		"max_tokens": 60000,
		"max_cost_micros": 2000000,
		"max_wall_ms": 120000,
		"max_revisions": 3,
	},
	"step_spend": {"tokens": 1000, "cost_micros": 10000, "tool_calls": 1, "depth": 0, "elapsed_ms": 5000},
}

decide(patch) := d if {
	d := creation.budget with input as object.union(base, patch)
}

codes(d) := {r.code | some r in d.reasons}

messages(d, code) := {r.message | some r in d.reasons; r.code == code}

denied_with(d, code) if {
	d.allow == false
	code in codes(d)
}

spend(patch) := {"step_spend": object.union(base.step_spend, patch)}

test_within_budget_and_contract_allows if {
	d := decide({})
	d.allow == true
	d.reasons == []
	d.needs_approval == false
}

test_over_monthly_budget_denies_without_approval if {
	d := decide({"spent_micros": 9990000})
	denied_with(d, "budget_exhausted")
	d.needs_approval == false
	"the monthly AI budget is spent: 9990000 of 10000000 micro-USD used, this call may cost 50000" in messages(d, "budget_exhausted")
}

test_exactly_at_budget_allows if {
	decide({"spent_micros": 9950000}).allow == true
}

test_free_call_runs_over_budget if {
	d := decide({"spent_micros": 20000000, "estimate_micros": 0})
	d.allow == true
}

test_zero_budget_denies_paid_call if {
	denied_with(decide({"budget_micros": 0, "spent_micros": 0}), "budget_exhausted")
}

test_depth_over_contract_denies_and_needs_approval if {
	d := decide(spend({"depth": 4}))
	denied_with(d, "contract_exceeded")
	d.needs_approval == true
	"depth 4 is over the step's limit of 3" in messages(d, "contract_exceeded")
}

test_depth_at_contract_allows if {
	decide(spend({"depth": 3})).allow == true
}

test_tool_calls_spent_denies if {
	denied_with(decide(spend({"tool_calls": 8})), "contract_exceeded")
	decide(spend({"tool_calls": 7})).allow == true
}

test_tokens_with_estimate_over_contract_denies if {
	denied_with(decide(spend({"tokens": 59000})), "contract_exceeded")
	decide(spend({"tokens": 58800})).allow == true
}

test_step_cost_over_contract_denies if {
	denied_with(decide(spend({"cost_micros": 1960000})), "contract_exceeded")
}

test_wall_time_over_contract_denies if {
	denied_with(decide(spend({"elapsed_ms": 120001})), "contract_exceeded")
	decide(spend({"elapsed_ms": 120000})).allow == true
}

test_both_budget_and_contract_are_reported if {
	d := decide({"spent_micros": 10000000, "step_spend": object.union(base.step_spend, {"depth": 9})})
	codes(d) == {"budget_exhausted", "contract_exceeded"}
	d.needs_approval == true
}

test_missing_budget_fails_closed if {
	d := creation.budget with input as json.remove(base, ["budget_micros"])
	denied_with(d, "input_invalid")
	"budget_micros must be a number of at least 0" in messages(d, "input_invalid")
}

test_non_numeric_contract_fails_closed if {
	d := decide({"contract": object.union(base.contract, {"max_tokens": "lots"})})
	denied_with(d, "input_invalid")
}

test_negative_spend_fails_closed if {
	denied_with(decide(spend({"tokens": -1})), "input_invalid")
}

test_bad_estimate_tokens_fails_closed if {
	denied_with(decide({"estimate_tokens": "many"}), "input_invalid")
}

test_absent_estimate_tokens_counts_as_none if {
	d := creation.budget with input as json.remove(base, ["estimate_tokens"])
	d.allow == true
}

test_non_object_input_fails_closed if {
	d := creation.budget with input as "budget"
	denied_with(d, "input_invalid")
	count(messages(d, "input_invalid")) == 13
}

test_missing_limit_is_invalid_not_exceeded if {
	d := creation.budget with input as json.remove(base, ["contract/max_depth"])
	codes(d) == {"input_invalid"}
}

test_missing_budget_is_invalid_not_exhausted if {
	d := creation.budget with input as json.remove(base, ["budget_micros"])
	codes(d) == {"input_invalid"}
}
