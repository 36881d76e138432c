package fedwire

import "bytes"

// Sniff reports whether head, the start of a file (up to 4 KB, maybe cut
// short), looks like Fedwire FAIM: after a UTF-8 byte order mark and blank
// space it starts with the tag {1500} or {1100}, or with another tag
// "{NNNN}" followed, within the next few tags, by a FAIM tag (head may end
// inside that one).
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeft(head, " \t\r\n")
	code, ok := tagAt(head)
	if !ok {
		return false
	}
	if code == 1500 || code == 1100 {
		return true
	}
	rest := head[6:]
	for seen := 0; seen < 3; {
		i := bytes.IndexByte(rest, '{')
		if i < 0 || bytes.IndexByte(rest[:i], 0) >= 0 {
			return false
		}
		rest = rest[i:]
		if len(rest) < 6 {
			return allDigits(string(rest[1:])+"0") && len(head) > 6 // cut inside a tag
		}
		if next, ok := tagAt(rest); ok {
			if _, known := tags[next]; known {
				return true
			}
			seen++
		}
		rest = rest[1:]
	}
	return false
}

// tagAt reads the tag "{NNNN}" at the start of b.
func tagAt(b []byte) (int, bool) {
	if len(b) < 6 || b[0] != '{' || !isTag(b[1:6]) {
		return 0, false
	}
	return int(b[1]-'0')*1000 + int(b[2]-'0')*100 + int(b[3]-'0')*10 + int(b[4]-'0'), true
}
