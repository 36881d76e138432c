package iso20022

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// Limits on one tree: a transaction, a header, or a message's parts
// outside its transactions. They keep a malformed or hostile file from
// using unbounded memory; real transactions are far smaller (a batched
// statement entry of 10,000 transactions is about 400,000 nodes).
const (
	maxNodes    = 2_000_000
	maxTextSize = 64 << 20
)

// span is a stretch of tree.buf.
type span struct{ off, n int32 }

// node is one element of a tree: its local name, its text, its Ccy
// attribute (the only attribute payinv reads), the line it starts on, and
// links to its parent, first and last child and next sibling (-1 for none).
type node struct {
	name                            string
	text, ccy                       span
	line                            int32
	mark                            int32 // len(buf) when the node was added
	parent, first, last, next, prev int32
}

// tree holds a small part of a document: a transaction, an AppHdr, or a
// Document outside its transactions. Texts live in one buffer and become
// strings only when read, so building a tree allocates almost nothing once
// its slices have grown.
type tree struct {
	nodes    []node
	buf      []byte
	stack    []int32
	lastText int32 // the node whose text ends buf, or -1
	full     bool  // a limit was reached; later elements were dropped
}

func (t *tree) reset() {
	t.nodes = t.nodes[:0]
	t.buf = t.buf[:0]
	t.stack = t.stack[:0]
	t.lastText = -1
	t.full = false
}

// open adds an element as the last child of the innermost open element
// (or as a root) and makes it the innermost.
func (t *tree) open(name string, attrs []xml.Attr, line int) {
	if t.full || len(t.nodes) >= maxNodes || len(t.buf) >= maxTextSize {
		t.full = true
		t.stack = append(t.stack, -1)
		return
	}
	parent := int32(-1)
	if len(t.stack) > 0 {
		parent = t.stack[len(t.stack)-1]
		if parent < 0 { // inside a dropped element
			t.stack = append(t.stack, -1)
			return
		}
	}
	i := int32(len(t.nodes))
	n := node{name: name, line: int32(line), mark: int32(len(t.buf)), parent: parent, first: -1, last: -1, next: -1, prev: -1}
	for _, a := range attrs {
		if a.Name.Local == "Ccy" {
			n.ccy = span{int32(len(t.buf)), int32(len(a.Value))}
			t.buf = append(t.buf, a.Value...)
		}
	}
	t.nodes = append(t.nodes, n)
	if parent >= 0 {
		p := &t.nodes[parent]
		if p.last < 0 {
			p.first = i
		} else {
			t.nodes[p.last].next = i
			t.nodes[i].prev = p.last
		}
		p.last = i
	}
	t.stack = append(t.stack, i)
	t.lastText = -1
}

// close ends the innermost open element.
func (t *tree) close() {
	if len(t.stack) > 0 {
		t.stack = t.stack[:len(t.stack)-1]
	}
	t.lastText = -1
}

// top is the innermost open element, or -1.
func (t *tree) top() int32 {
	if len(t.stack) == 0 {
		return -1
	}
	return t.stack[len(t.stack)-1]
}

// addText appends character data to the innermost open element. Blank
// text (the indentation between elements) is not kept.
func (t *tree) addText(b []byte) {
	cur := t.top()
	if cur < 0 {
		return
	}
	n := &t.nodes[cur]
	if n.text.n > 0 && t.lastText != cur {
		return // text after a child element: mixed content, not ISO 20022
	}
	if n.text.n == 0 && isBlank(b) {
		return
	}
	if len(t.buf)+len(b) > maxTextSize {
		t.full = true
		return
	}
	if n.text.n == 0 {
		n.text.off = int32(len(t.buf))
	}
	t.buf = append(t.buf, b...)
	n.text.n += int32(len(b))
	t.lastText = cur
}

// drop removes node i, which must be the last node added under its parent
// together with everything after it: a closed statement whose entries have
// been read.
func (t *tree) drop(i int32) {
	if i < 0 || int(i) >= len(t.nodes) {
		return
	}
	n := t.nodes[i]
	if n.parent >= 0 {
		p := &t.nodes[n.parent]
		p.last = n.prev
		if n.prev < 0 {
			p.first = -1
		} else {
			t.nodes[n.prev].next = -1
		}
	}
	t.nodes = t.nodes[:i]
	t.buf = t.buf[:n.mark]
	t.lastText = -1
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

// child returns the first child of n named name, or -1.
func (t *tree) child(n int32, name string) int32 {
	if n < 0 {
		return -1
	}
	for c := t.nodes[n].first; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].name == name {
			return c
		}
	}
	return -1
}

// at follows a path of child names from n; -1 when any step is missing.
func (t *tree) at(n int32, path ...string) int32 {
	for _, name := range path {
		n = t.child(n, name)
	}
	return n
}

// nextNamed returns the next sibling of c named name, or -1.
func (t *tree) nextNamed(c int32, name string) int32 {
	for c = t.nodes[c].next; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].name == name {
			return c
		}
	}
	return -1
}

// raw returns the text of n, trimmed, as bytes of the tree's buffer
// (valid until the tree changes); nil when n is -1.
func (t *tree) raw(n int32) []byte {
	if n < 0 {
		return nil
	}
	s := t.nodes[n].text
	return bytes.TrimSpace(t.buf[s.off : s.off+s.n])
}

// text returns the trimmed text of n, "" when n is -1.
func (t *tree) text(n int32) string {
	b := t.raw(n)
	if len(b) == 0 {
		return ""
	}
	return string(b)
}

// str returns the trimmed text at path from n.
func (t *tree) str(n int32, path ...string) string { return t.text(t.at(n, path...)) }

// ccy returns the Ccy attribute of n, trimmed and upper-cased.
func (t *tree) ccy(n int32) string {
	if n < 0 {
		return ""
	}
	s := t.nodes[n].ccy
	return strings.ToUpper(string(bytes.TrimSpace(t.buf[s.off : s.off+s.n])))
}

// line returns the line n starts on, or def when n is -1.
func (t *tree) line(n int32, def int) int {
	if n < 0 {
		return def
	}
	return int(t.nodes[n].line)
}

// name returns the local name of n.
func (t *tree) name(n int32) string {
	if n < 0 {
		return ""
	}
	return t.nodes[n].name
}

// maxFindDepth bounds how deep find looks: ISO 20022 messages nest about
// a dozen levels, hostile input millions.
const maxFindDepth = 40

// find returns the first element named name in n's subtree (n itself
// excluded), depth first, or -1.
func (t *tree) find(n int32, name string) int32 { return t.findDepth(n, name, maxFindDepth) }

func (t *tree) findDepth(n int32, name string, depth int) int32 {
	if n < 0 || depth == 0 {
		return -1
	}
	for c := t.nodes[n].first; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].name == name {
			return c
		}
		if f := t.findDepth(c, name, depth-1); f >= 0 {
			return f
		}
	}
	return -1
}
