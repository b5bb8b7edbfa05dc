package raize.content_test

import data.raize.content

# A short post on the sandbox that every rule lets through; tests patch it.
base := {
	"platform": "sandbox",
	"format": "text",
	"text": "Spring is here at Acme. #spring",
	"words": "spring is here at acme spring",
	"hashtags": ["#spring"],
	"links": [],
	"brand": {"banned_terms": ["cheap"], "banned_claims": ["guaranteed results"], "dont_words": ["synergy"]},
	"settings": {},
}

decide(patch) := d if {
	d := content.decision with input as object.union(base, patch)
}

codes(d) := {r.code | some r in d.reasons}

messages(d, code) := {r.message | some r in d.reasons; r.code == code}

test_clean_post_allows if {
	d := decide({})
	d.allow == true
	d.reasons == []
	d.needs_approval == true
}

test_banned_term_denies_whole_words_only if {
	d := decide({"words": "buy cheap shoes"})
	d.allow == false
	"the text uses the banned term \"cheap\"" in messages(d, "banned_term")
	not "banned_term" in codes(decide({"words": "cheaper shoes"}))
}

test_banned_claim_matches_a_phrase if {
	d := decide({"words": "we promise guaranteed results today"})
	"banned_claim" in codes(d)
	not "banned_claim" in codes(decide({"words": "results guaranteed"}))
}

test_dont_word_denies if {
	"dont_word" in codes(decide({"words": "pure synergy"}))
}

test_blank_and_malformed_terms_are_ignored if {
	d := decide({"brand": {"banned_terms": ["", "  ", 7], "banned_claims": "x", "dont_words": null}})
	d.allow == true
}

test_text_too_long_uses_the_platform_limit if {
	d := decide({"platform": "x", "text": concat("", array.concat(["a"], [s | some _ in numbers.range(1, 280); s := "b"]))})
	"the text has 281 characters; x allows 280" in messages(d, "text_too_long")
	decide({"platform": "x", "text": "short"}).allow == true
}

test_unknown_platform_gets_the_defaults if {
	d := decide({"platform": "elsewhere", "hashtags": [s | some _ in numbers.range(1, 11); s := "#a"]})
	"too_many_hashtags" in codes(d)
}

test_too_many_hashtags_denies if {
	d := decide({"platform": "x", "hashtags": ["#a", "#b", "#c", "#d"]})
	"the text has 4 hashtags; at most 3 are allowed here" in messages(d, "too_many_hashtags")
}

test_client_may_be_stricter_on_hashtags if {
	d := decide({"settings": {"max_hashtags": 0}})
	"too_many_hashtags" in codes(d)
}

test_client_cannot_be_looser_on_hashtags if {
	d := decide({"platform": "x", "settings": {"max_hashtags": 50}, "hashtags": ["#a", "#b", "#c", "#d"]})
	"too_many_hashtags" in codes(d)
}

test_links_allowed_on_the_sandbox if {
	decide({"links": ["https://acme.test"]}).allow == true
}

test_links_refused_by_the_platform if {
	d := decide({"platform": "instagram", "links": ["https://acme.test"]})
	"links_not_allowed" in codes(d)
}

test_links_refused_by_the_client if {
	d := decide({"links": ["https://acme.test"], "settings": {"links_allowed": false}})
	"links_not_allowed" in codes(d)
}

test_empty_text_denies if {
	d := decide({"text": "   ", "words": ""})
	codes(d) == {"empty_text"}
}

test_missing_fields_deny_as_invalid_input if {
	d := content.decision with input as {}
	d.allow == false
	"invalid_input" in codes(d)
	count(messages(d, "invalid_input")) == 3
}

test_non_object_input_denies if {
	d := content.decision with input as "text"
	"invalid_input" in codes(d)
}

test_wrongly_typed_lists_are_empty if {
	d := decide({"hashtags": "#a #b", "links": {"x": 1}, "brand": "none", "settings": "none"})
	d.allow == true
}

test_limits_come_from_data if {
	d := decide({}) with data.raize.content.platforms.sandbox.max_chars as 5
	"text_too_long" in codes(d)
}

test_reasons_are_sorted if {
	d := decide({"words": "cheap synergy", "platform": "instagram", "links": ["https://a.test"]})
	d.reasons == sort(d.reasons)
	codes(d) == {"banned_term", "dont_word", "links_not_allowed"}
}
