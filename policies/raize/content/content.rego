# METADATA
# title: Raize content policy
# description: |
#   Reads a generated or edited asset before it goes to review: the brand kit's
#   banned terms and claims and don't words, the platform's text limit, the number
#   of hashtags, and whether links are allowed. Deny by default: the decision allows
#   only when no rule produced a reason. Platform limits live in data.raize.content
#   (policies/raize/data.json); the brand's words arrive in the input, normalised by
#   the host (lower case, letters and digits only, single spaces) so that a term
#   matches whole words only.
# scope: package
package raize.content

# METADATA
# title: Content decision (entry point)
# description: |
#   allow is true only when there are zero reasons; reasons are sorted so the
#   output is deterministic; needs_approval is always true, because every asset
#   goes to a human reviewer whatever this policy says.
# entrypoint: true
decision := {
	"allow": allow,
	"reasons": sort(reasons),
	"needs_approval": true,
}

default allow := false

allow if count(reasons) == 0

reason(code, message) := {"code": code, "message": message}

# Normalised views: a missing or wrongly typed field becomes a safe empty value, and
# the invalid_input rule says so, so that no deny is skipped silently.

request := input if is_object(input)

else := {}

text := t if {
	t := object.get(request, "text", null)
	is_string(t)
} else := ""

words := w if {
	w := object.get(request, "words", null)
	is_string(w)
} else := ""

platform := p if {
	p := object.get(request, "platform", null)
	is_string(p)
} else := ""

list_field(obj, key) := v if {
	v := object.get(obj, key, [])
	is_array(v)
} else := []

brand := b if {
	b := object.get(request, "brand", {})
	is_object(b)
} else := {}

settings := s if {
	s := object.get(request, "settings", {})
	is_object(s)
} else := {}

hashtags := list_field(request, "hashtags")

links := list_field(request, "links")

# The platform's limits: its own entry, else the defaults.
limits := object.union(data.raize.content.default, object.get(data.raize.content.platforms, platform, {}))

# A client may be stricter than the platform, never looser.
max_hashtags := min({limits.max_hashtags, n}) if {
	n := object.get(settings, "max_hashtags", null)
	is_number(n)
} else := limits.max_hashtags

links_allowed if {
	limits.links_allowed == true
	object.get(settings, "links_allowed", true) == true
}

# METADATA
# title: Invalid input
# description: The host sent something this policy cannot read; nothing is allowed.
reasons contains reason("invalid_input", "the content check received no readable text") if {
	not is_string(object.get(request, "text", null))
}

reasons contains reason("invalid_input", "the content check received no platform") if {
	platform == ""
}

reasons contains reason("invalid_input", "the content check received no normalised words") if {
	not is_string(object.get(request, "words", null))
}

# METADATA
# title: Empty text
# description: Every format carries a text (a caption for media).
reasons contains reason("empty_text", "the post has no text") if {
	is_string(object.get(request, "text", null))
	trim_space(text) == ""
}

# METADATA
# title: Text too long
# description: More characters than the platform shows.
reasons contains reason("text_too_long", sprintf("the text has %d characters; %s allows %d", [count(text), platform, limits.max_chars])) if {
	count(text) > limits.max_chars
}

# METADATA
# title: Too many hashtags
reasons contains reason("too_many_hashtags", sprintf("the text has %d hashtags; at most %d are allowed here", [count(hashtags), max_hashtags])) if {
	count(hashtags) > max_hashtags
}

# METADATA
# title: Links not allowed
# description: The platform or the client does not allow links in the text.
reasons contains reason("links_not_allowed", sprintf("the text has %d link(s); links are not allowed for this client on %s", [count(links), platform])) if {
	count(links) > 0
	not links_allowed
}

# METADATA
# title: Brand words
# description: |
#   Whole-word (and whole-phrase) matches of the brand kit's banned terms, banned
#   claims and don't words.
reasons contains reason("banned_term", sprintf("the text uses the banned term \"%s\"", [term])) if {
	some term in list_field(brand, "banned_terms")
	uses(term)
}

reasons contains reason("banned_claim", sprintf("the text makes the banned claim \"%s\"", [term])) if {
	some term in list_field(brand, "banned_claims")
	uses(term)
}

reasons contains reason("dont_word", sprintf("the text uses \"%s\", which the brand does not say", [term])) if {
	some term in list_field(brand, "dont_words")
	uses(term)
}

uses(term) if {
	is_string(term)
	trim_space(term) != ""
	contains(sprintf(" %s ", [words]), sprintf(" %s ", [trim_space(term)]))
}
