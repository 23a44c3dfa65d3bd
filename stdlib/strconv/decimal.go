package strconv

// decimal is an exact multi-precision decimal number: the digits
// d[0:nd] ('0'..'9', no trailing zeros) with the decimal point dp digits
// from the left (0.d[0]d[1]... * 10^dp). A value with more digits than
// fit is truncated, and trunc records that nonzero digits were dropped.
type decimal struct {
	d     [800]byte
	nd    int
	dp    int
	neg   bool
	trunc bool
}

// assign sets the value to v.
func (a *decimal) assign(v uint64) {
	var tmp [20]byte
	n := 0
	for v > 0 {
		q := v / 10
		tmp[n] = byte('0' + v - q*10)
		n++
		v = q
	}
	a.nd = 0
	for n > 0 {
		n--
		a.d[a.nd] = tmp[n]
		a.nd++
	}
	a.dp = a.nd
	a.trim()
}

// trim drops trailing zero digits.
func (a *decimal) trim() {
	for a.nd > 0 && a.d[a.nd-1] == '0' {
		a.nd--
	}
	if a.nd == 0 {
		a.dp = 0
	}
}

// maxShift is the largest shift done in one pass: the running value
// (below 10 * 2^k) must fit in 64 bits.
const maxShift = 60

// shiftRight divides the value by 2^k, k <= maxShift.
func (a *decimal) shiftRight(k uint) {
	r, w := 0, 0
	var n uint64
	// read digits until the value read so far is at least 2^k
	for ; n>>k == 0; r++ {
		if r >= a.nd {
			if n == 0 {
				a.nd = 0 // the value was zero
				return
			}
			for n>>k == 0 {
				n *= 10
				r++
			}
			break
		}
		n = n*10 + uint64(a.d[r]-'0')
	}
	a.dp -= r - 1
	mask := uint64(1)<<k - 1
	for ; r < a.nd; r++ {
		c := uint64(a.d[r] - '0')
		q := n >> k
		n &= mask
		a.d[w] = byte('0' + q)
		w++
		n = n*10 + c
	}
	// the remainder's digits
	for n > 0 {
		q := n >> k
		n &= mask
		if w < len(a.d) {
			a.d[w] = byte('0' + q)
			w++
		} else if q > 0 {
			a.trunc = true
		}
		n *= 10
	}
	a.nd = w
	a.trim()
}

// shiftLeft multiplies the value by 2^k, k <= maxShift.
func (a *decimal) shiftLeft(k uint) {
	// produce the digits from the last one backwards into a scratch
	// buffer with room for the carry's new leading digits
	var tmp [820]byte
	w := len(tmp)
	var n uint64
	for r := a.nd - 1; r >= 0; r-- {
		n += uint64(a.d[r]-'0') << k
		q := n / 10
		w--
		tmp[w] = byte('0' + n - q*10)
		n = q
	}
	for n > 0 {
		q := n / 10
		w--
		tmp[w] = byte('0' + n - q*10)
		n = q
	}
	count := len(tmp) - w
	a.dp += count - a.nd
	if count > len(a.d) {
		for i := w + len(a.d); i < len(tmp); i++ {
			if tmp[i] != '0' {
				a.trunc = true
			}
		}
		count = len(a.d)
	}
	copy(a.d[:], tmp[w:w+count])
	a.nd = count
	a.trim()
}

// shift multiplies the value by 2^k (k < 0 divides).
func (a *decimal) shift(k int) {
	if a.nd == 0 {
		return
	}
	for k > maxShift {
		a.shiftLeft(maxShift)
		k -= maxShift
	}
	if k > 0 {
		a.shiftLeft(uint(k))
	}
	for k < -maxShift {
		a.shiftRight(maxShift)
		k += maxShift
	}
	if k < 0 {
		a.shiftRight(uint(-k))
	}
}

// roundsUp reports whether keeping nd digits should round up: above half,
// or exactly half (nothing after digit nd, nothing truncated) and the kept
// last digit odd.
func (a *decimal) roundsUp(nd int) bool {
	if nd < 0 || nd >= a.nd {
		return false
	}
	if a.d[nd] == '5' && nd+1 == a.nd {
		if a.trunc {
			return true
		}
		return nd > 0 && (a.d[nd-1]-'0')&1 == 1
	}
	return a.d[nd] >= '5'
}

// round keeps nd digits, rounding to nearest (ties to even).
func (a *decimal) round(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	if a.roundsUp(nd) {
		a.roundUp(nd)
	} else {
		a.roundDown(nd)
	}
}

// roundDown keeps nd digits, truncating.
func (a *decimal) roundDown(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	a.nd = nd
	a.trim()
}

// roundUp keeps nd digits, rounding away from zero.
func (a *decimal) roundUp(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	for i := nd - 1; i >= 0; i-- {
		if a.d[i] < '9' {
			a.d[i]++
			a.nd = i + 1
			return
		}
	}
	// all nines: the value becomes 1 followed by zeros
	a.d[0] = '1'
	a.nd = 1
	a.dp++
}

// roundedInteger returns the integer part, rounded to nearest (even). It
// does not check for overflow beyond 20 digits.
func (a *decimal) roundedInteger() uint64 {
	if a.dp > 20 {
		return 1<<64 - 1
	}
	var v uint64
	i := 0
	for ; i < a.dp && i < a.nd; i++ {
		v = v*10 + uint64(a.d[i]-'0')
	}
	for ; i < a.dp; i++ {
		v *= 10
	}
	if a.roundsUp(a.dp) {
		v++
	}
	return v
}
