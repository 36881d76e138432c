package swiftmt

import (
	"strings"
)

// field is one field of block 4: ":32A:261119USD9975,00".
type field struct {
	tag   string // "32A"
	value string // lines joined by "\n", without the tag
	line  int    // the line the field starts on
}

// letter returns the option letter of the field ("A" of 52A), or "".
func (f *field) letter() string {
	if len(f.tag) == 3 {
		return f.tag[2:]
	}
	return ""
}

// splitFields splits the text of block 4, which starts on line first, into
// fields. A field starts on a line ":NN:" or ":NNa:"; other lines continue
// it. Text before the first field is returned as stray.
func splitFields(text string, first int, out []field) (fields []field, stray string, strayLine int) {
	fields = out[:0]
	line := first
	open := -1 // the offset where the value of the last field starts
	for pos := 0; pos < len(text); line++ {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		l := text[pos:end]
		if tag, _, ok := fieldStart(l); ok {
			closeField(fields, text, open, pos)
			open = pos + len(tag) + 2
			fields = append(fields, field{tag: strings.ToUpper(tag), line: line})
		} else if open < 0 && strings.TrimSpace(l) != "" && stray == "" {
			stray, strayLine = l, line
		}
		pos = end + 1
	}
	closeField(fields, text, open, len(text))
	return fields, stray, strayLine
}

// closeField sets the value of the last field to text[open:end], less
// the trailing line breaks and blanks. The value is a substring of the
// message text: no copy.
func closeField(fields []field, text string, open, end int) {
	if open < 0 || len(fields) == 0 {
		return
	}
	if end > len(text) {
		end = len(text)
	}
	fields[len(fields)-1].value = strings.TrimRight(text[open:end], "\n ")
}

// fieldStart reads ":NN:" or ":NNa:" at the start of l.
func fieldStart(l string) (tag, value string, ok bool) {
	if len(l) < 4 || l[0] != ':' || !isDigit(l[1]) || !isDigit(l[2]) {
		return "", "", false
	}
	if l[3] == ':' {
		return l[1:3], l[4:], true
	}
	if len(l) >= 5 && l[4] == ':' && (l[3] >= 'A' && l[3] <= 'Z' || l[3] >= 'a' && l[3] <= 'z') {
		return l[1:4], l[5:], true
	}
	return "", "", false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// lines splits a field's value into its lines, appended to dst (pass a
// small array's slice to keep them off the heap).
func lines(dst []string, v string) []string {
	for v != "" {
		i := strings.IndexByte(v, '\n')
		if i < 0 {
			return append(dst, v)
		}
		dst = append(dst, v[:i])
		v = v[i+1:]
	}
	return dst
}

// joinLines returns a field's lines joined by single spaces, each trimmed.
func joinLines(v string) string {
	if !strings.Contains(v, "\n") {
		return strings.TrimSpace(v)
	}
	var b strings.Builder
	for l := range strings.SplitSeq(v, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}
