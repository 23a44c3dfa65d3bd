// Package fmt: formatted I/O with Go's verbs (%v %+v %#v %T %d %s %q %x
// %f %e %g %c %U %p %t %b %o ...), flags, widths and precisions; values
// of any type are walked with reflect; Stringer, GoStringer, error and
// Formatter methods are honoured. Not provided yet: scanning (Sscan...).
package fmt

import (
	"errors"
	"io"
	"os"
	"reflect"
	"unicode/utf8"
)

// Stringer is implemented by any value that has a String method, which
// defines the value's "native" format for %v and %s.
type Stringer interface {
	String() string
}

// State is what a Formatter's Format method receives: the output and the
// flags of the verb being formatted.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value with a Format method, which then
// formats the value itself for every verb.
type Formatter interface {
	Format(f State, verb rune)
}

// GoStringer is implemented by any value that has a GoString method, used
// for %#v.
type GoStringer interface {
	GoString() string
}

const (
	commaSpaceString  = ", "
	nilAngleString    = "<nil>"
	nilParenString    = "(nil)"
	nilString         = "nil"
	mapString         = "map["
	percentBangString = "%!"
	missingString     = "(MISSING)"
	badIndexString    = "(BADINDEX)"
	panicString       = "(PANIC="
	extraString       = "%!(EXTRA "
	badWidthString    = "%!(BADWIDTH)"
	badPrecString     = "%!(BADPREC)"
	noVerbString      = "%!(NOVERB)"
)

// pp is the printer state for one call.
type pp struct {
	buf       []byte
	arg       any
	value     reflect.Value
	fmt       formatter
	reordered bool
	goodArgNum bool
	panicking bool
	erroring  bool
	wrapErrs  bool
	wrappedErr error
}

func newPrinter() *pp {
	p := &pp{}
	p.fmt.buf = &p.buf
	return p
}

// ---- the entry points ----

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	return w.Write(p.buf)
}

func Printf(format string, a ...any) (n int, err error) { return Fprintf(os.Stdout, format, a...) }

func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	return string(p.buf)
}

func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	return w.Write(p.buf)
}

func Print(a ...any) (n int, err error) { return Fprint(os.Stdout, a...) }

func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	return string(p.buf)
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	return w.Write(p.buf)
}

func Println(a ...any) (n int, err error) { return Fprintln(os.Stdout, a...) }

func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	return string(p.buf)
}

// Errorf formats an error; a %w verb wraps its operand, which Unwrap returns.
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	if p.wrappedErr == nil {
		return errors.New(s)
	}
	return &wrapError{s, p.wrappedErr}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// Append formats like Sprint and appends to b.
func Append(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrint(a)
	return append(b, p.buf...)
}

// Appendf formats like Sprintf and appends to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	return append(b, p.buf...)
}

// Appendln formats like Sprintln and appends to b.
func Appendln(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	return append(b, p.buf...)
}

// ---- printing one operand ----

// pp is the State a Formatter receives.
func (p *pp) Width() (wid int, ok bool)      { return p.fmt.wid, p.fmt.widPresent }
func (p *pp) Precision() (prec int, ok bool) { return p.fmt.prec, p.fmt.precPresent }

func (p *pp) Flag(b int) bool {
	switch b {
	case '-':
		return p.fmt.minus
	case '+':
		return p.fmt.plus || p.fmt.plusV
	case '#':
		return p.fmt.sharp || p.fmt.sharpV
	case ' ':
		return p.fmt.space
	case '0':
		return p.fmt.zero
	}
	return false
}

func (p *pp) Write(b []byte) (ret int, err error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *pp) WriteString(s string) (ret int, err error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

func (p *pp) writeString(s string) { p.buf = append(p.buf, s...) }
func (p *pp) writeByte(c byte)     { p.buf = append(p.buf, c) }
func (p *pp) writeRune(r rune)     { p.buf = utf8.AppendRune(p.buf, r) }

func (p *pp) unknownType(v reflect.Value) {
	if !v.IsValid() {
		p.writeString(nilAngleString)
		return
	}
	p.writeByte('?')
	p.writeString(v.Type().String())
	p.writeByte('?')
}

func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.writeString(percentBangString)
	p.writeRune(verb)
	p.writeByte('(')
	switch {
	case p.arg != nil:
		p.writeString(reflect.TypeOf(p.arg).String())
		p.writeByte('=')
		p.printArg(p.arg, 'v')
	case p.value.IsValid():
		p.writeString(p.value.Type().String())
		p.writeByte('=')
		p.printValue(p.value, 'v', 0)
	default:
		p.writeString(nilAngleString)
	}
	p.writeByte(')')
	p.erroring = false
}

func (p *pp) fmtBool(v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.fmt.fmtBoolean(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmt0x64(v uint64, leading0x bool) {
	sharp := p.fmt.sharp
	p.fmt.sharp = leading0x
	p.fmt.fmtInteger(v, 16, false, 'v', ldigits)
	p.fmt.sharp = sharp
}

func (p *pp) fmtInteger(v uint64, isSigned bool, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV && !isSigned {
			p.fmt0x64(v, true)
		} else {
			p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
		}
	case 'd':
		p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
	case 'b':
		p.fmt.fmtInteger(v, 2, isSigned, verb, ldigits)
	case 'o', 'O':
		p.fmt.fmtInteger(v, 8, isSigned, verb, ldigits)
	case 'x':
		p.fmt.fmtInteger(v, 16, isSigned, verb, ldigits)
	case 'X':
		p.fmt.fmtInteger(v, 16, isSigned, verb, udigits)
	case 'c':
		p.fmt.fmtC(v)
	case 'q':
		p.fmt.fmtQc(v)
	case 'U':
		p.fmt.fmtUnicode(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtFloat(v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.fmt.fmtFloat(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.fmtFloat(v, size, verb, -1)
	case 'f', 'e', 'E', 'F':
		if verb == 'F' {
			verb = 'f'
		}
		p.fmt.fmtFloat(v, size, verb, 6)
	default:
		p.badVerb(verb)
	}
}

// fmtComplex: (re+imi), the imaginary part always signed.
func (p *pp) fmtComplex(v complex128, size int, verb rune) {
	switch verb {
	case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E':
		oldPlus := p.fmt.plus
		p.writeByte('(')
		p.fmtFloat(real(v), size/2, verb)
		p.fmt.plus = true
		p.fmtFloat(imag(v), size/2, verb)
		p.writeString("i)")
		p.fmt.plus = oldPlus
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.fmt.fmtQ(v)
		} else {
			p.fmt.fmtS(v)
		}
	case 's':
		p.fmt.fmtS(v)
	case 'x':
		p.fmt.fmtSbx(v, nil, ldigits)
	case 'X':
		p.fmt.fmtSbx(v, nil, udigits)
	case 'q':
		p.fmt.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtBytes(v []byte, verb rune, typeString string) {
	switch verb {
	case 'v', 'd':
		if p.fmt.sharpV {
			p.writeString(typeString)
			if v == nil {
				p.writeString(nilParenString)
				return
			}
			p.writeByte('{')
			for i, c := range v {
				if i > 0 {
					p.writeString(commaSpaceString)
				}
				p.fmt0x64(uint64(c), true)
			}
			p.writeByte('}')
		} else {
			p.writeByte('[')
			for i, c := range v {
				if i > 0 {
					p.writeByte(' ')
				}
				p.fmt.fmtInteger(uint64(c), 10, false, verb, ldigits)
			}
			p.writeByte(']')
		}
	case 's':
		p.fmt.fmtBs(v)
	case 'x':
		p.fmt.fmtSbx("", v, ldigits)
	case 'X':
		p.fmt.fmtSbx("", v, udigits)
	case 'q':
		p.fmt.fmtQ(string(v))
	default:
		p.printValue(reflect.ValueOf(v), verb, 0)
	}
}

func (p *pp) fmtPointer(value reflect.Value, verb rune) {
	var u uintptr
	switch value.Kind() {
	case reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.Slice, reflect.UnsafePointer:
		u = value.Pointer()
	default:
		p.badVerb(verb)
		return
	}
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.writeByte('(')
			p.writeString(value.Type().String())
			p.writeString(")(")
			if u == 0 {
				p.writeString(nilString)
			} else {
				p.fmt0x64(uint64(u), true)
			}
			p.writeByte(')')
		} else {
			if u == 0 {
				p.fmt.padString(nilAngleString)
			} else {
				p.fmt0x64(uint64(u), !p.fmt.sharp)
			}
		}
	case 'p':
		p.fmt0x64(uint64(u), !p.fmt.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(uint64(u), false, verb)
	default:
		p.badVerb(verb)
	}
}

// catchPanic reports a panic in a String, Error or GoString method as
// Go's fmt does; a nil pointer receiver prints "<nil>".
func (p *pp) catchPanic(arg any, verb rune, method string) {
	if err := recover(); err != nil {
		if v := reflect.ValueOf(arg); v.Kind() == reflect.Pointer && v.IsNil() {
			p.writeString(nilAngleString)
			return
		}
		if p.panicking {
			panic(err)
		}
		oldFlags := p.fmt.fmtFlags
		p.fmt.clearflags()
		p.writeString(percentBangString)
		p.writeRune(verb)
		p.writeString(panicString)
		p.writeString(method)
		p.writeString(" method: ")
		p.panicking = true
		p.printArg(err, 'v')
		p.panicking = false
		p.writeByte(')')
		p.fmt.fmtFlags = oldFlags
	}
}

func (p *pp) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return
	}
	if verb == 'w' {
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs || p.wrappedErr != nil {
			p.wrappedErr = nil
			p.wrapErrs = false
			p.badVerb(verb)
			return true
		}
		p.wrappedErr = err
		verb = 'v'
	}
	if formatter, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.catchPanic(p.arg, verb, "Format")
		formatter.Format(p, verb)
		return
	}
	if p.fmt.sharpV {
		if stringer, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "GoString")
			p.fmt.fmtS(stringer.GoString())
			return
		}
		return false
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
		switch v := p.arg.(type) {
		case error:
			handled = true
			defer p.catchPanic(p.arg, verb, "Error")
			p.fmtString(v.Error(), verb)
			return
		case Stringer:
			handled = true
			defer p.catchPanic(p.arg, verb, "String")
			p.fmtString(v.String(), verb)
			return
		}
	}
	return false
}

func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg
	p.value = reflect.Value{}
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.fmt.padString(nilAngleString)
		default:
			p.badVerb(verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.fmt.fmtS(reflect.TypeOf(arg).String())
		return
	case 'p':
		p.fmtPointer(reflect.ValueOf(arg), 'p')
		return
	}
	switch f := arg.(type) {
	case bool:
		p.fmtBool(f, verb)
	case float32:
		p.fmtFloat(float64(f), 32, verb)
	case float64:
		p.fmtFloat(f, 64, verb)
	case complex64:
		p.fmtComplex(complex128(f), 64, verb)
	case complex128:
		p.fmtComplex(f, 128, verb)
	case int:
		p.fmtInteger(uint64(f), true, verb)
	case int8:
		p.fmtInteger(uint64(f), true, verb)
	case int16:
		p.fmtInteger(uint64(f), true, verb)
	case int32:
		p.fmtInteger(uint64(f), true, verb)
	case int64:
		p.fmtInteger(uint64(f), true, verb)
	case uint:
		p.fmtInteger(uint64(f), false, verb)
	case uint8:
		p.fmtInteger(uint64(f), false, verb)
	case uint16:
		p.fmtInteger(uint64(f), false, verb)
	case uint32:
		p.fmtInteger(uint64(f), false, verb)
	case uint64:
		p.fmtInteger(f, false, verb)
	case uintptr:
		p.fmtInteger(uint64(f), false, verb)
	case string:
		p.fmtString(f, verb)
	case []byte:
		p.fmtBytes(f, verb, "[]byte")
	case reflect.Value:
		if f.IsValid() && f.CanInterface() {
			p.arg = f.Interface()
			if p.handleMethods(verb) {
				return
			}
		}
		p.printValue(f, verb, 0)
	default:
		if !p.handleMethods(verb) {
			p.printValue(reflect.ValueOf(f), verb, 0)
		}
	}
}

// printValue prints a value found by reflection (depth > 0: inside
// another value, where its methods apply again).
func (p *pp) printValue(value reflect.Value, verb rune, depth int) {
	if depth > 0 && value.IsValid() && value.CanInterface() {
		p.arg = value.Interface()
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = nil
	p.value = value

	switch f := value; value.Kind() {
	case reflect.Invalid:
		if depth == 0 {
			p.writeString("<invalid reflect.Value>")
		} else {
			switch verb {
			case 'v':
				p.writeString(nilAngleString)
			default:
				p.badVerb(verb)
			}
		}
	case reflect.Bool:
		p.fmtBool(f.Bool(), verb)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.fmtInteger(uint64(f.Int()), true, verb)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.fmtInteger(f.Uint(), false, verb)
	case reflect.Float32:
		p.fmtFloat(f.Float(), 32, verb)
	case reflect.Float64:
		p.fmtFloat(f.Float(), 64, verb)
	case reflect.Complex64:
		p.fmtComplex(f.Complex(), 64, verb)
	case reflect.Complex128:
		p.fmtComplex(f.Complex(), 128, verb)
	case reflect.String:
		p.fmtString(f.String(), verb)
	case reflect.Map:
		if p.fmt.sharpV {
			p.writeString(f.Type().String())
			if f.IsNil() {
				p.writeString(nilParenString)
				return
			}
			p.writeByte('{')
		} else {
			p.writeString(mapString)
		}
		keys := f.MapKeys()
		sortKeys(keys)
		for i, k := range keys {
			if i > 0 {
				if p.fmt.sharpV {
					p.writeString(commaSpaceString)
				} else {
					p.writeByte(' ')
				}
			}
			p.printValue(k, verb, depth+1)
			p.writeByte(':')
			p.printValue(f.MapIndex(k), verb, depth+1)
		}
		if p.fmt.sharpV {
			p.writeByte('}')
		} else {
			p.writeByte(']')
		}
	case reflect.Struct:
		if p.fmt.sharpV {
			p.writeString(f.Type().String())
		}
		p.writeByte('{')
		t := f.Type()
		for i := 0; i < f.NumField(); i++ {
			if i > 0 {
				if p.fmt.sharpV {
					p.writeString(commaSpaceString)
				} else {
					p.writeByte(' ')
				}
			}
			if p.fmt.plusV || p.fmt.sharpV {
				if name := t.Field(i).Name; name != "" {
					p.writeString(name)
					p.writeByte(':')
				}
			}
			p.printValue(f.Field(i), verb, depth+1)
		}
		p.writeByte('}')
	case reflect.Interface:
		value := f.Elem()
		if !value.IsValid() {
			if p.fmt.sharpV {
				p.writeString(f.Type().String())
				p.writeString(nilParenString)
			} else {
				p.writeString(nilAngleString)
			}
		} else {
			p.printValue(value, verb, depth+1)
		}
	case reflect.Array, reflect.Slice:
		switch verb {
		case 's', 'q', 'x', 'X':
			if f.Type().Elem().Kind() == reflect.Uint8 {
				bytes := make([]byte, f.Len())
				for i := range bytes {
					bytes[i] = byte(f.Index(i).Uint())
				}
				p.fmtBytes(bytes, verb, f.Type().String())
				return
			}
		}
		if p.fmt.sharpV {
			p.writeString(f.Type().String())
			if f.Kind() == reflect.Slice && f.IsNil() {
				p.writeString(nilParenString)
				return
			}
			p.writeByte('{')
			for i := 0; i < f.Len(); i++ {
				if i > 0 {
					p.writeString(commaSpaceString)
				}
				p.printValue(f.Index(i), verb, depth+1)
			}
			p.writeByte('}')
		} else {
			p.writeByte('[')
			for i := 0; i < f.Len(); i++ {
				if i > 0 {
					p.writeByte(' ')
				}
				p.printValue(f.Index(i), verb, depth+1)
			}
			p.writeByte(']')
		}
	case reflect.Pointer:
		// &{...} for a pointer to a struct, array, slice or map at the top
		if depth == 0 && f.Pointer() != 0 {
			switch a := f.Elem(); a.Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.writeByte('&')
				p.printValue(a, verb, depth+1)
				return
			}
		}
		p.fmtPointer(f, verb)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.fmtPointer(f, verb)
	default:
		p.unknownType(f)
	}
}

// ---- the format string ----

func tooLarge(x int) bool {
	const max int = 1e6
	return x > max || x < -max
}

// parsenum converts an ASCII number at s[start:end].
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}

// intFromArg gets the argNum'th element of a as an int, for '*'.
func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	newArgNum = argNum
	if argNum < len(a) {
		switch v := a[argNum].(type) {
		case int:
			num, isInt = v, true
		case int8:
			num, isInt = int(v), true
		case int16:
			num, isInt = int(v), true
		case int32:
			num, isInt = int(v), true
		case int64:
			num, isInt = int(v), true
		case uint:
			num, isInt = int(v), true
		case uint8:
			num, isInt = int(v), true
		case uint16:
			num, isInt = int(v), true
		case uint32:
			num, isInt = int(v), true
		case uint64:
			num, isInt = int(v), true
		default:
			rv := reflect.ValueOf(a[argNum])
			switch rv.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				num, isInt = int(rv.Int()), true
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				num, isInt = int(rv.Uint()), true
			}
		}
		newArgNum = argNum + 1
		if tooLarge(num) {
			num = 0
			isInt = false
		}
	}
	return
}

// parseArgNumber parses "[n]" at the start of format.
func parseArgNumber(format string) (index int, wid int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			width, ok, newi := parsenum(format, 1, i)
			if !ok || newi != i {
				return 0, i + 1, false
			}
			return width - 1, i + 1, true
		}
	}
	return 0, 1, false
}

func (p *pp) argNumber(argNum int, format string, i int, numArgs int) (newArgNum, newi int, found bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := parseArgNumber(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}

func (p *pp) badArgNum(verb rune) {
	p.writeString(percentBangString)
	p.writeRune(verb)
	p.writeString(badIndexString)
}

func (p *pp) missingArg(verb rune) {
	p.writeString(percentBangString)
	p.writeRune(verb)
	p.writeString(missingString)
}

func (p *pp) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
formatLoop:
	for i := 0; i < end; {
		p.goodArgNum = true
		lasti := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > lasti {
			p.writeString(format[lasti:i])
		}
		if i >= end {
			break
		}
		i++ // skip %
		p.fmt.clearflags()
	simpleFormat:
		for ; i < end; i++ {
			c := format[i]
			switch c {
			case '#':
				p.fmt.sharp = true
			case '0':
				p.fmt.zero = !p.fmt.minus
			case '+':
				p.fmt.plus = true
			case '-':
				p.fmt.minus = true
				p.fmt.zero = false
			case ' ':
				p.fmt.space = true
			default:
				if 'a' <= c && c <= 'z' && argNum < len(a) {
					if c == 'v' {
						p.fmt.sharpV = p.fmt.sharp
						p.fmt.sharp = false
						p.fmt.plusV = p.fmt.plus
						p.fmt.plus = false
					}
					p.printArg(a[argNum], rune(c))
					argNum++
					i++
					continue formatLoop
				}
				break simpleFormat
			}
		}

		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))

		// width
		if i < end && format[i] == '*' {
			i++
			p.fmt.wid, p.fmt.widPresent, argNum = intFromArg(a, argNum)
			if !p.fmt.widPresent {
				p.writeString(badWidthString)
			}
			if p.fmt.wid < 0 {
				p.fmt.wid = -p.fmt.wid
				p.fmt.minus = true
				p.fmt.zero = false
			}
			afterIndex = false
		} else {
			p.fmt.wid, p.fmt.widPresent, i = parsenum(format, i, end)
			if afterIndex && p.fmt.widPresent {
				p.goodArgNum = false
			}
		}

		// precision
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex {
				p.goodArgNum = false
			}
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.fmt.prec, p.fmt.precPresent, argNum = intFromArg(a, argNum)
				if p.fmt.prec < 0 {
					p.fmt.prec = 0
					p.fmt.precPresent = false
				}
				if !p.fmt.precPresent {
					p.writeString(badPrecString)
				}
				afterIndex = false
			} else {
				p.fmt.prec, p.fmt.precPresent, i = parsenum(format, i, end)
				if !p.fmt.precPresent {
					p.fmt.prec = 0
					p.fmt.precPresent = true
				}
			}
		}

		if !afterIndex {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}

		if i >= end {
			p.writeString(noVerbString)
			break
		}

		verb, size := rune(format[i]), 1
		if verb >= utf8.RuneSelf {
			verb, size = utf8.DecodeRuneInString(format[i:])
		}
		i += size

		switch {
		case verb == '%':
			p.writeByte('%')
		case !p.goodArgNum:
			p.badArgNum(verb)
		case argNum >= len(a):
			p.missingArg(verb)
		case verb == 'v':
			p.fmt.sharpV = p.fmt.sharp
			p.fmt.sharp = false
			p.fmt.plusV = p.fmt.plus
			p.fmt.plus = false
			fallthrough
		default:
			p.printArg(a[argNum], verb)
			argNum++
		}
	}

	if !p.reordered && argNum < len(a) {
		p.fmt.clearflags()
		p.writeString(extraString)
		for i, arg := range a[argNum:] {
			if i > 0 {
				p.writeString(commaSpaceString)
			}
			if arg == nil {
				p.writeString(nilAngleString)
			} else {
				p.writeString(reflect.TypeOf(arg).String())
				p.writeByte('=')
				p.printArg(arg, 'v')
			}
		}
		p.writeByte(')')
	}
}

func (p *pp) doPrint(a []any) {
	prevString := false
	for argNum, arg := range a {
		isString := arg != nil && reflect.TypeOf(arg).Kind() == reflect.String
		// a space between operands when neither is a string
		if argNum > 0 && !isString && !prevString {
			p.writeByte(' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

func (p *pp) doPrintln(a []any) {
	for argNum, arg := range a {
		if argNum > 0 {
			p.writeByte(' ')
		}
		p.printArg(arg, 'v')
	}
	p.writeByte('\n')
}

