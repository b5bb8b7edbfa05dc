# METADATA
# title: Raize reply constraints
# description: |
#   Reads a reply or a direct message before it is sent (C-29): the platform's length
#   limit, links only to allowlisted domains, no secrets, no personal data, none of the
#   brand kit's banned terms, claims or don't words, and an automatic reply must be an
#   intact template. Deny by default: the decision allows only when no rule produced a
#   reason. Limits live in data.raize.engagement.reply_limits
#   (policies/raize/data.json); the host sends the text with its normalised words, its
#   links with their domains, what its detectors found, and the brand's words.
# scope: package
package raize.engagement.reply

# METADATA
# title: Reply decision (entry point)
# description: |
#   allow is true only when there are zero reasons; reasons are sorted so the output
#   is deterministic. needs_approval is false: whether a human approves a reply is the
#   autonomy setting's call (raize/sideeffect), not this check's.
# entrypoint: true
decision := {
	"allow": allow,
	"reasons": sort(reasons),
	"needs_approval": false,
}

default allow := false

allow if count(reasons) == 0

reason(code, message) := {"code": code, "message": message}

# Normalised views: a missing or wrongly typed field becomes a safe value, and the
# invalid_input rules say so, so that no deny is skipped silently.

request := input if is_object(input)

else := {}

string_field(obj, key) := v if {
	v := object.get(obj, key, null)
	is_string(v)
} else := ""

object_field(obj, key) := v if {
	v := object.get(obj, key, {})
	is_object(v)
} else := {}

list_field(obj, key) := v if {
	v := object.get(obj, key, [])
	is_array(v)
} else := []

text := string_field(request, "text")

words := string_field(request, "words")

platform := string_field(request, "platform")

kind := string_field(request, "kind")

origin := string_field(request, "origin")

brand := object_field(request, "brand")

settings := object_field(request, "settings")

detections := object_field(request, "detections")

template := object_field(request, "template")

links := list_field(request, "links")

allowed_domains := {lower(d) | some d in list_field(request, "allowed_domains"); is_string(d); d != ""}

limits := object.union(
	data.raize.engagement.reply_limits.default,
	object.get(data.raize.engagement.reply_limits.platforms, platform, {}),
)

platform_max := limits.dm_max_chars if kind == "dm"

else := limits.max_chars

# A client may be stricter than the platform, never looser.
max_chars := min({platform_max, n}) if {
	n := object.get(settings, "max_chars", null)
	is_number(n)
	n > 0
} else := platform_max

# METADATA
# title: Invalid input
# description: The host sent something this check cannot read; nothing is sent.
reasons contains reason("invalid_input", sprintf("the reply check received no readable %s", [field])) if {
	some field in ["text", "words", "platform"]
	not is_string(object.get(request, field, null))
}

reasons contains reason("invalid_input", "the reply check received no platform") if {
	is_string(object.get(request, "platform", null))
	platform == ""
}

reasons contains reason("invalid_input", "the reply check received an unknown kind") if {
	not kind in {"reply", "dm"}
}

reasons contains reason("invalid_input", "the reply check received an unknown origin") if {
	not origin in {"auto", "human"}
}

reasons contains reason("invalid_input", sprintf("the reply check received no %s list", [field])) if {
	some field in ["links", "allowed_domains"]
	not is_array(object.get(request, field, null))
}

reasons contains reason("invalid_input", sprintf("the reply check received no %s detections", [field])) if {
	some field in ["secrets", "pii"]
	not is_array(object.get(detections, field, null))
}

# METADATA
# title: Empty reply
reasons contains reason("empty_reply", "the reply has no text") if {
	is_string(object.get(request, "text", null))
	trim_space(text) == ""
}

# METADATA
# title: Reply too long
# description: More characters than the platform takes in a reply (or the client allows).
reasons contains reason("reply_too_long", sprintf("the reply has %d characters; at most %d are allowed here", [count(text), max_chars])) if {
	count(text) > max_chars
}

# METADATA
# title: Link not allowlisted
# description: |
#   A link whose domain is neither an allowlisted domain nor a subdomain of one; a link
#   the host could not read a domain from is refused too.
reasons contains reason("link_not_allowed", sprintf("the reply links to %s, which is not an allowlisted domain", [domain])) if {
	some link in links
	domain := link_domain(link)
	not domain_allowed(domain)
}

link_domain(link) := lower(d) if {
	d := object.get(link, "domain", "")
	is_string(d)
	d != ""
} else := "an unreadable address"

domain_allowed(domain) if domain in allowed_domains

domain_allowed(domain) if {
	some allowed in allowed_domains
	endswith(domain, concat("", [".", allowed]))
}

# METADATA
# title: Secret in reply
# description: |
#   A token, key or password the host's detectors found, or one of the well-known key
#   shapes this policy looks for itself (a second line of defence).
reasons contains reason("secret_in_reply", sprintf("the reply contains something that looks like a secret (%s)", [what])) if {
	some what in list_field(detections, "secrets")
}

reasons contains reason("secret_in_reply", "the reply contains something that looks like a secret (key pattern)") if {
	some pattern in secret_patterns
	regex.match(pattern, text)
}

secret_patterns := [
	`AKIA[0-9A-Z]{16}`,
	`\bsk-[A-Za-z0-9_-]{20,}`,
	`\b[sprk]k_(live|test)_[A-Za-z0-9]{10,}`,
	`\bgh[pousr]_[A-Za-z0-9]{30,}`,
	`\bxox[abprs]-[A-Za-z0-9-]{10,}`,
	`-----BEGIN [A-Z ]*PRIVATE KEY-----`,
	`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.`,
]

# METADATA
# title: Personal data in reply
# description: An e-mail address, phone number, card number or IBAN in a public reply.
reasons contains reason("pii_in_reply", sprintf("the reply contains personal data (%s)", [what])) if {
	some what in list_field(detections, "pii")
}

reasons contains reason("pii_in_reply", "the reply contains personal data (email)") if {
	regex.match(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`, text)
}

# METADATA
# title: Brand words
# description: Whole-word matches of the brand kit's banned terms, banned claims and don't words.
reasons contains reason("banned_term", sprintf("the reply uses the banned term \"%s\"", [term])) if {
	some term in list_field(brand, "banned_terms")
	uses(term)
}

reasons contains reason("banned_claim", sprintf("the reply makes the banned claim \"%s\"", [term])) if {
	some term in list_field(brand, "banned_claims")
	uses(term)
}

reasons contains reason("dont_word", sprintf("the reply uses \"%s\", which the brand does not say", [term])) if {
	some term in list_field(brand, "dont_words")
	uses(term)
}

uses(term) if {
	is_string(term)
	trim_space(term) != ""
	contains(sprintf(" %s ", [words]), sprintf(" %s ", [trim_space(term)]))
}

# METADATA
# title: Template required
# description: |
#   An automatic reply must be one of the brand's templates with its slots filled and
#   nothing else; a human's own reply does not need one.
reasons contains reason("template_required", "an automatic reply must use a template, intact") if {
	origin == "auto"
	not template_intact
}

template_intact if {
	id := object.get(template, "id", "")
	is_string(id)
	id != ""
	object.get(template, "intact", false) == true
}
