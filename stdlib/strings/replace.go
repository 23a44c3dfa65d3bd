package strings

import "unicode/utf8"

// Replacer replaces a list of strings with replacements. It is safe for
// concurrent use by multiple goroutines.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a new Replacer from a list of old, new string pairs.
// Replacements are performed in the order they appear in the target
// string, without overlapping matches; at each position the pairs are
// tried in argument order. NewReplacer panics if given an odd number of
// arguments.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// Replace returns a copy of s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b []byte
	changed := false
	last := 0 // s[last:i] is yet to be copied
	for i := 0; i <= len(s); {
		matched := -1
		for k := 0; k < len(r.oldnew); k += 2 {
			if HasPrefix(s[i:], r.oldnew[k]) {
				matched = k
				break
			}
		}
		if matched < 0 {
			if i == len(s) {
				break
			}
			i++
			continue
		}
		old, new := r.oldnew[matched], r.oldnew[matched+1]
		b = append(b, s[last:i]...)
		b = append(b, new...)
		changed = true
		if old == "" {
			// an empty match: keep the next rune and move past it
			if i == len(s) {
				last = i
				break
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			b = append(b, s[i:i+w]...)
			i += w
		} else {
			i += len(old)
		}
		last = i
	}
	if !changed {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}
