package iso20022

import "bytes"

// Sniff reports whether a file that starts with head (its first bytes, up
// to 4 KB, perhaps cut anywhere) holds ISO 20022 messages: XML whose first
// element is in an ISO 20022 namespace or a SWIFT envelope, or whose
// first element holds an AppHdr or a Document within head. A UTF-8 byte
// order mark and blank space before the XML are allowed.
func Sniff(head []byte) bool {
	b := bytes.TrimPrefix(head, bom)
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	// The first element: skip the declaration, comments, processing
	// instructions and a DOCTYPE.
	for {
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			b = after(b, "?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			b = after(b, "-->")
		case bytes.HasPrefix(b, []byte("<!")):
			b = after(b, ">")
		default:
			if len(b) == 0 || b[0] != '<' {
				return false
			}
			return sniffRoot(b)
		}
		b = bytes.TrimLeft(b, " \t\r\n")
	}
}

// after returns what follows the first sep in b, or nothing.
func after(b []byte, sep string) []byte {
	i := bytes.Index(b, []byte(sep))
	if i < 0 {
		return nil
	}
	return b[i+len(sep):]
}

// sniffRoot decides from the first element's start tag and what follows.
func sniffRoot(b []byte) bool {
	end := bytes.IndexByte(b, '>')
	tag := b
	if end >= 0 {
		tag = b[:end]
	}
	if bytes.Contains(tag, []byte(isoNamespace)) || bytes.Contains(tag, []byte("urn:swift:xsd:envelope")) {
		return true
	}
	if end < 0 {
		return false
	}
	name := tagName(tag[1:])
	if name == "AppHdr" || name == "Document" {
		return bytes.Contains(b, []byte(isoNamespace)) || knownRoot(b)
	}
	// A wrapper: look for an AppHdr or Document in ISO 20022's namespace,
	// or a Document holding a message payinv knows.
	for rest := b[end+1:]; ; {
		i := bytes.IndexByte(rest, '<')
		if i < 0 || i+1 >= len(rest) {
			return false
		}
		rest = rest[i+1:]
		switch tagName(rest) {
		case "AppHdr", "Document":
			return bytes.Contains(rest, []byte(isoNamespace)) || knownRoot(rest)
		}
	}
}

// tagName returns the local name at the start of b (after '<').
func tagName(b []byte) string {
	i := 0
	for i < len(b) && b[i] != ' ' && b[i] != '>' && b[i] != '/' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n' {
		i++
	}
	name := b[:i]
	if j := bytes.LastIndexByte(name, ':'); j >= 0 {
		name = name[j+1:]
	}
	return string(name)
}

// knownRoot reports whether b names the root element of a message payinv
// reads, as a start tag with or without a prefix.
func knownRoot(b []byte) bool {
	for root := range roots {
		for i := 0; ; {
			j := bytes.Index(b[i:], []byte(root))
			if j < 0 {
				break
			}
			j += i
			if j > 0 && (b[j-1] == '<' || b[j-1] == ':') && j+len(root) < len(b) && (b[j+len(root)] == '>' || b[j+len(root)] == ' ') {
				return true
			}
			i = j + 1
		}
	}
	return false
}
