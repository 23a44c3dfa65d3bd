package strings

import "io"

// Replacer replaces a list of strings with replacements. It is safe for
// concurrent use by multiple goroutines.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a new Replacer from a list of old, new string pairs.
// Replacements are performed in the order they appear in the target
// string, without overlapping matches; at one position the earliest pair
// whose old string matches wins (an empty old string matches everywhere,
// but not twice at the same position). The comparisons are byte-wise.
// NewReplacer panics if given an odd number of arguments.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// match returns the pair that matches at the start of s (the earliest in
// argument order), skipping empty old strings if noEmpty.
func (r *Replacer) match(s string, noEmpty bool) (k int, ok bool) {
	for k = 0; k < len(r.oldnew); k += 2 {
		old := r.oldnew[k]
		if old == "" && noEmpty {
			continue
		}
		if HasPrefix(s, old) {
			return k, true
		}
	}
	return 0, false
}

// replace calls emit with the pieces of the result in order.
func (r *Replacer) replace(s string, emit func(string) error) error {
	last := 0
	prevEmpty := false
	for i := 0; i <= len(s); {
		k, ok := r.match(s[i:], prevEmpty)
		prevEmpty = ok && r.oldnew[k] == ""
		if !ok {
			i++
			continue
		}
		if err := emit(s[last:i]); err != nil {
			return err
		}
		if err := emit(r.oldnew[k+1]); err != nil {
			return err
		}
		i += len(r.oldnew[k])
		last = i
	}
	if last != len(s) {
		return emit(s[last:])
	}
	return nil
}

// Replace returns a copy of s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b []byte
	changed := false
	r.replace(s, func(piece string) error {
		if !changed {
			changed = true
			b = make([]byte, 0, len(s))
		}
		b = append(b, piece...)
		return nil
	})
	if !changed {
		return s
	}
	return string(b)
}

// WriteString writes s to w with all replacements performed.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	err = r.replace(s, func(piece string) error {
		if piece == "" {
			return nil
		}
		m, e := io.WriteString(w, piece)
		n += m
		return e
	})
	return n, err
}
