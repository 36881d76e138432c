package swiftmt

import (
	"strings"
)

// header is what blocks 1, 2, 3 and 5 say about a message.
type header struct {
	// Block 1, the basic header: F01 + logical terminal + session + ISN.
	service string // "01" for a message, "21" for an ACK or NAK
	lt      string // the logical terminal of block 1 (12 characters)
	sessISN string // session and input sequence number, 10 digits

	// Block 2, the application header.
	output bool   // O: the company's bank received the message
	mt     string // "103"
	// other is the other party's BIC: the receiver of an input message,
	// the sender of an output message.
	other string
	// For output messages: the MIR (input date, sender's LT, session,
	// ISN), and the dates and times of input and output, as found.
	mir               string
	inTime            string // HHMM, the sender's local time
	outDate, outTime  string // YYMMDD, HHMM, the receiver's local time
	hasBlock2, badMT2 bool

	// Block 3, the user header.
	mur        string // {108:} message user reference
	gpi        bool   // {111:001}
	validation string // {119:} STP, COV, REMIT
	uetr       string // {121:}, lower case

	// Block 5, the trailer.
	test bool // {TNG:}
}

// ltBIC returns the BIC of a 12-character logical terminal (BIC8 +
// terminal code + branch): "LKTBUS33AXXX" is LKTBUS33XXX.
func ltBIC(lt string) string {
	if len(lt) == 12 {
		return lt[:8] + lt[9:]
	}
	return lt
}

// ourBIC is the BIC of the company's bank's terminal: block 1's logical
// terminal.
func (h *header) ourBIC() string { return ltBIC(h.lt) }

// senderBIC and receiverBIC are the BICs of the message's sender and
// receiver.
func (h *header) senderBIC() string {
	if h.output {
		return h.other
	}
	return h.ourBIC()
}

func (h *header) receiverBIC() string {
	if h.output {
		return h.ourBIC()
	}
	return h.other
}

// parseBlock1 reads "F01LKTBUS33AXXX0000000000".
func (h *header) parseBlock1(s string) (problem string) {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return "basic header {1:" + s + "} is too short: want F01, the logical terminal, session and sequence number"
	}
	h.service = s[1:3]
	rest := s[3:]
	if len(rest) >= 12 {
		h.lt = rest[:12]
		if n := rest[12:]; len(n) == 10 && allDigits(n) {
			h.sessISN = n
		}
	} else {
		h.lt = rest
	}
	return ""
}

// parseBlock2 reads "I103ROYCCAT2XXXXN" or
// "O1031610191014BBBBUS3NBXXX63382244921910142210N".
func (h *header) parseBlock2(s string) (problem string) {
	s = strings.TrimSpace(s)
	h.hasBlock2 = true
	if len(s) < 4 || (s[0] != 'I' && s[0] != 'O' && s[0] != 'i' && s[0] != 'o') || !allDigits(s[1:4]) {
		h.badMT2 = true
		return "application header {2:" + s + "} is not I or O and a three-digit message type"
	}
	h.output = s[0] == 'O' || s[0] == 'o'
	h.mt = s[1:4]
	rest := s[4:]
	if !h.output {
		h.other = inputReceiver(rest)
		return ""
	}
	// O + MT + input time 4 + MIR 28 (date 6, LT 12, session 4, ISN 6) +
	// output date 6 + output time 4 + priority.
	if len(rest) >= 4+6+12 {
		h.inTime = rest[:4]
		h.other = ltBIC(rest[10:22])
		if len(rest) >= 4+28 {
			h.mir = rest[4:32]
		}
		if len(rest) >= 4+28+10 {
			h.outDate, h.outTime = rest[32:38], rest[38:42]
		}
		return ""
	}
	return "application header {2:" + s + "} of a received message is too short: want input time, MIR, output date and time"
}

// inputReceiver reads the receiver of an input message: a 12-character
// logical terminal, or an 11-character BIC, followed by the priority and
// delivery monitoring.
func inputReceiver(rest string) string {
	switch {
	case len(rest) == 12 && strings.HasSuffix(rest[8:11], "XXX") && strings.ContainsRune("NUS", rune(rest[11])):
		return rest[:11] // a BIC11 and the priority
	case len(rest) >= 12:
		return ltBIC(rest[:12])
	case len(rest) == 11 || len(rest) == 8:
		return rest
	case len(rest) == 9:
		return rest[:8] // a BIC8 and the priority
	}
	return rest
}

// parseSubBlocks calls fn with each {tag:value} of block 3 or 5.
func parseSubBlocks(s string, fn func(tag, value string)) {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return
		}
		s = s[i+1:]
		colon := strings.IndexByte(s, ':')
		end := strings.IndexByte(s, '}')
		if end < 0 {
			end = len(s)
		}
		if colon < 0 || colon > end {
			fn(s[:end], "")
		} else {
			fn(s[:colon], s[colon+1:end])
		}
		if end == len(s) {
			return
		}
		s = s[end+1:]
	}
}

// parseBlock3 reads the user header's UETR, gpi flag, validation flag and
// MUR.
func (h *header) parseBlock3(s string) {
	parseSubBlocks(s, func(tag, value string) {
		value = strings.TrimSpace(value)
		switch tag {
		case "108":
			h.mur = value
		case "111":
			h.gpi = value != ""
		case "119":
			h.validation = strings.ToUpper(value)
		case "121":
			h.uetr = strings.ToLower(value)
		}
	})
}

// parseBlock5 reads the trailer's training flag.
func (h *header) parseBlock5(s string) {
	parseSubBlocks(s, func(tag, _ string) {
		if tag == "TNG" {
			h.test = true
		}
	})
}

// isUUID reports whether s has the form of a UUID (any version), lower or
// upper case.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
