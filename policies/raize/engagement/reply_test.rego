package raize.engagement.reply_test

import data.raize.engagement.reply

# An automatic reply on the sandbox that every rule lets through; tests patch it.
base := {
	"platform": "sandbox",
	"kind": "reply",
	"origin": "auto",
	"text": "Hi there! Thanks for asking, see acme.test/help for the details. — Acme",
	"words": "hi there thanks for asking see acme test help for the details acme",
	"links": [{"url": "acme.test/help", "domain": "acme.test"}],
	"allowed_domains": ["acme.test"],
	"detections": {"secrets": [], "pii": []},
	"template": {"id": "question.v1", "intact": true},
	"brand": {"banned_terms": ["cheap"], "banned_claims": ["guaranteed results"], "dont_words": ["synergy"]},
	"settings": {},
}

decide(patch) := d if {
	d := reply.decision with input as object.union(base, patch)
}

codes(d) := {r.code | some r in d.reasons}

messages(d, code) := {r.message | some r in d.reasons; r.code == code}

repeat(n) := concat("", [s | some _ in numbers.range(1, n); s := "a"])

test_clean_reply_allows if {
	d := decide({})
	d.allow == true
	d.reasons == []
	d.needs_approval == false
}

test_reply_too_long_uses_the_platform_limit if {
	d := decide({"platform": "x", "text": repeat(281)})
	"the reply has 281 characters; at most 280 are allowed here" in messages(d, "reply_too_long")
	decide({"platform": "x", "text": repeat(280)}).allow == true
}

test_unknown_platform_gets_the_default_limit if {
	"reply_too_long" in codes(decide({"platform": "elsewhere", "text": repeat(1001)}))
	decide({"platform": "elsewhere", "text": repeat(1000)}).allow == true
}

test_direct_messages_have_their_own_limit if {
	decide({"platform": "x", "kind": "dm", "text": repeat(5000)}).allow == true
	"reply_too_long" in codes(decide({"platform": "instagram", "kind": "dm", "text": repeat(1001)}))
}

test_client_may_be_stricter_never_looser if {
	"reply_too_long" in codes(decide({"settings": {"max_chars": 10}}))
	"reply_too_long" in codes(decide({"platform": "x", "settings": {"max_chars": 5000}, "text": repeat(281)}))
	decide({"settings": {"max_chars": 0}}).allow == true
}

test_link_to_an_allowlisted_domain_or_subdomain_allows if {
	decide({"links": [{"url": "https://shop.acme.test/x", "domain": "shop.acme.test"}]}).allow == true
	decide({"links": [{"url": "ACME.test", "domain": "ACME.TEST"}]}).allow == true
}

test_link_elsewhere_denies if {
	d := decide({"links": [{"url": "evil.example/x", "domain": "evil.example"}]})
	"the reply links to evil.example, which is not an allowlisted domain" in messages(d, "link_not_allowed")
}

test_lookalike_suffix_is_not_a_subdomain if {
	"link_not_allowed" in codes(decide({"links": [{"url": "evilacme.test", "domain": "evilacme.test"}]}))
}

test_link_without_a_domain_denies if {
	d := decide({"links": [{"url": "???"}]})
	"the reply links to an unreadable address, which is not an allowlisted domain" in messages(d, "link_not_allowed")
}

test_no_allowlist_means_no_links if {
	"link_not_allowed" in codes(decide({"allowed_domains": []}))
	decide({"allowed_domains": [], "links": []}).allow == true
}

test_detected_secret_denies if {
	d := decide({"detections": {"secrets": ["api key"], "pii": []}})
	"the reply contains something that looks like a secret (api key)" in messages(d, "secret_in_reply")
}

test_policy_finds_key_shapes_itself if {
	some key in [
		"AKIAABCDEFGHIJKLMNOP",
		"sk-abcdefghijklmnopqrstuvwx",
		"sk_live_abcdefghij12",
		"ghp_abcdefghijklmnopqrstuvwxyz0123456789",
		"xoxb-1234567890-abc",
		"-----BEGIN RSA PRIVATE KEY-----",
		"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.sig",
	]
	"secret_in_reply" in codes(decide({"text": sprintf("here you go %s", [key])}))
}

test_detected_pii_denies if {
	d := decide({"detections": {"secrets": [], "pii": ["phone"]}})
	"the reply contains personal data (phone)" in messages(d, "pii_in_reply")
}

test_policy_finds_email_itself if {
	"pii_in_reply" in codes(decide({"text": "write to jane.doe@example.com"}))
}

test_brand_words_deny_whole_words_only if {
	"banned_term" in codes(decide({"words": "so cheap"}))
	not "banned_term" in codes(decide({"words": "cheaper"}))
	"banned_claim" in codes(decide({"words": "we offer guaranteed results"}))
	"dont_word" in codes(decide({"words": "pure synergy"}))
	decide({"brand": {"banned_terms": ["", 3], "banned_claims": "x"}}).allow == true
}

test_automatic_reply_needs_an_intact_template if {
	"template_required" in codes(decide({"template": {"id": "question.v1", "intact": false}}))
	"template_required" in codes(decide({"template": {"id": "", "intact": true}}))
	"template_required" in codes(decide({"template": null}))
	decide({"origin": "human", "template": null}).allow == true
}

test_empty_reply_denies if {
	"empty_reply" in codes(decide({"text": "   "}))
}

test_invalid_input_denies if {
	"invalid_input" in codes(decide({"text": 3}))
	"invalid_input" in codes(decide({"words": null}))
	"invalid_input" in codes(decide({"platform": ""}))
	"invalid_input" in codes(decide({"kind": "post"}))
	"invalid_input" in codes(decide({"origin": "robot"}))
	"invalid_input" in codes(decide({"links": "x"}))
	"invalid_input" in codes(decide({"allowed_domains": null}))
	"invalid_input" in codes(decide({"detections": null}))
	"invalid_input" in codes(decide({"detections": {"pii": "none"}}))
	d := reply.decision with input as "not an object"
	d.allow == false
	"invalid_input" in codes(d)
}

test_reasons_are_sorted if {
	d := decide({"text": "", "template": null})
	[r.code | some r in d.reasons] == ["empty_reply", "template_required"]
}
