package swiftmt

// Sniff reports whether a file that starts with head is SWIFT MT: after
// a UTF-8 byte order mark, blanks and the "$" separators of RJE files, it
// starts with the basic header "{1:" (and, when head goes that far, an
// application id F, A or L). head may be cut anywhere; a head too short
// to tell is not MT.
func Sniff(head []byte) bool {
	if len(head) >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
		head = head[3:]
	}
	for len(head) > 0 {
		switch head[0] {
		case ' ', '\t', '\r', '\n', '$', 0x01, '\f':
			head = head[1:]
			continue
		}
		break
	}
	if len(head) < 3 || head[0] != '{' || head[1] != '1' || head[2] != ':' {
		return false
	}
	if len(head) == 3 {
		return true
	}
	switch head[3] {
	case 'F', 'A', 'L':
		return true
	}
	return false
}
