package search

import "fmt"

// Kind says what an Item is: the fuzzy index searches several kinds of
// things at once and groups results by kind.
type Kind uint8

const (
	Article Kind = iota + 1 // an article title
	Quote                   // a quotation's text
	Speaker                 // a speaker's name
	Passage                 // a tagged passage's text
	Note                    // a researcher's note
	Tag                     // a tag name
	Outlet                  // a news outlet's name
)

// Kinds lists every kind in the order results are grouped.
var Kinds = []Kind{Article, Quote, Speaker, Passage, Note, Tag, Outlet}

var kindNames = [...]string{"", "article", "quote", "speaker", "passage", "note", "tag", "outlet"}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// ParseKind returns the kind named s ("article", "quote", ...). It accepts
// the plural too ("quotes").
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n != "" && (s == n || s == n+"s") {
			return Kind(i), true
		}
	}
	return 0, false
}

func (k Kind) valid() bool { return k > 0 && int(k) < len(kindNames) }

// MarshalText writes the kind's name, so that JSON shows "quote", not 2.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, fmt.Errorf("search: invalid kind %d", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	v, ok := ParseKind(string(b))
	if !ok {
		return fmt.Errorf("search: unknown kind %q", b)
	}
	*k = v
	return nil
}
