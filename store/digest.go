package store

import (
	"bytes"
	"fmt"
	"hash/crc64"
)

// eventsDigest identifies the events of a file by what they say, not by
// the bytes they were read from nor where: each event's JSON face without
// its source (file and line) is hashed, and the hashes are summed, so the
// digest does not depend on the order of the events either. Two copies of
// one file that differ only in encoding, or a re-export sorted otherwise,
// have the same digest; a file with one event more or less does not.
type eventsDigest struct {
	sum, mix uint64
}

var crcTable = crc64.MakeTable(crc64.ECMA)

// add counts one event by its JSON face (payment.Event.AppendJSON).
func (d *eventsDigest) add(js []byte) {
	before, after := withoutSource(js)
	h := crc64.Update(crc64.Update(0, crcTable, before), crcTable, after)
	d.sum += h
	d.mix += splitmix(h)
}

// String is the digest in hex, as ingests.events_digest keeps it.
func (d *eventsDigest) String() string { return fmt.Sprintf("%016x%016x", d.sum, d.mix) }

// splitmix scrambles h (SplitMix64's finalizer), so that the second sum
// does not add up the same way as the first.
func splitmix(h uint64) uint64 {
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h = (h ^ h>>27) * 0x94d049bb133111eb
	return h ^ h>>31
}

// sourceKey starts the source object of an event's JSON face. It cannot
// occur inside a JSON string (a quote there is escaped), so the first one
// is the event's own: its nested objects (ach, card, wire) come after it.
var sourceKey = []byte(`,"source":{"file":"`)

// withoutSource splits an event's JSON face around its source object,
// `,"source":{"file":"…","line":N}`; all of js and nil when there is none.
func withoutSource(js []byte) (before, after []byte) {
	start := bytes.Index(js, sourceKey)
	if start < 0 {
		return js, nil
	}
	i := start + len(sourceKey)
	for i < len(js) && js[i] != '"' { // the end of the file's name
		if js[i] == '\\' {
			i++
		}
		i++
	}
	end := bytes.IndexByte(js[min(i, len(js)):], '}')
	if end < 0 {
		return js, nil
	}
	return js[:start], js[i+end+1:]
}
