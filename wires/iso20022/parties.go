package iso20022

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// agentOf reads a bank element (DbtrAgt, CdtrAgt, InstgAgt, IntrmyAgt1,
// a pacs.009 Dbtr …): its routing number (ClrSysMmbId/MmbId), else its
// BIC, else another id, and its name.
func agentOf(t *tree, n int32) payment.WireAgent {
	fi := t.child(n, "FinInstnId")
	if fi < 0 {
		if fi = t.at(n, "Agt", "FinInstnId"); fi < 0 {
			return payment.WireAgent{}
		}
	}
	id := t.str(fi, "ClrSysMmbId", "MmbId")
	if id == "" {
		if id = t.str(fi, "BICFI"); id == "" {
			if id = t.str(fi, "BIC"); id == "" {
				id = t.str(fi, "Othr", "Id")
			}
		}
	}
	return payment.WireAgent{ID: id, Name: t.str(fi, "Nm")}
}

// partyName reads the name of a party element in any of its shapes: Nm
// (pacs.008), Pty/Nm (camt since .08, pacs.004 RtrChain), FinInstnId/Nm
// or Agt/FinInstnId/Nm (a bank as party).
func partyName(t *tree, n int32) string {
	if n < 0 {
		return ""
	}
	if s := t.str(n, "Nm"); s != "" {
		return s
	}
	if s := t.str(n, "Pty", "Nm"); s != "" {
		return s
	}
	if s := t.str(n, "FinInstnId", "Nm"); s != "" {
		return s
	}
	return t.str(n, "Agt", "FinInstnId", "Nm")
}

// accountOf reads an account element (DbtrAcct, CdtrAcct, Acct): its IBAN
// or other identifier.
func accountOf(t *tree, n int32) string {
	if n < 0 {
		return ""
	}
	id := t.child(n, "Id")
	if s := t.str(id, "IBAN"); s != "" {
		return s
	}
	if s := t.str(id, "Othr", "Id"); s != "" {
		return s
	}
	return t.text(id)
}

// partyOf reads a debtor or creditor with its account and bank. A party
// that is itself a bank (pacs.009) and names no agent is its own agent.
func partyOf(t *tree, party, acct, agt int32) payment.WireParty {
	p := payment.WireParty{Name: partyName(t, party), Account: accountOf(t, acct), Agent: agentOf(t, agt)}
	if p.Agent.ID == "" {
		if self := agentOf(t, party); self.ID != "" {
			p.Agent = self
			if p.Name == "" {
				p.Name = self.Name
			}
		}
	}
	return p
}

// partyIn reads the debtor (role "Dbtr") or creditor ("Cdtr") under n,
// with the role's account and agent: Dbtr, DbtrAcct, DbtrAgt.
func partyIn(t *tree, n int32, role string) payment.WireParty {
	if n < 0 {
		return payment.WireParty{}
	}
	return partyOf(t, t.child(n, role), t.child(n, role+"Acct"), t.child(n, role+"Agt"))
}

// intermediaries reads IntrmyAgt1 to IntrmyAgt3 under n, in order.
func intermediaries(t *tree, n int32) []payment.WireAgent {
	var out []payment.WireAgent
	for _, name := range [...]string{"IntrmyAgt1", "IntrmyAgt2", "IntrmyAgt3"} {
		if a := agentOf(t, t.child(n, name)); a.ID != "" || a.Name != "" {
			out = append(out, a)
		}
	}
	return out
}

// customerOf is the customer side of an event from the wire party: name,
// account, and the routing number of their bank when it has one.
func customerOf(p payment.WireParty) payment.Party {
	c := payment.Party{Name: p.Name, Account: p.Account}
	if isABA(p.Agent.ID) {
		c.Routing = p.Agent.ID
	}
	return c
}

// setCustomer sets the event's Party from its direction: the customer is
// the debtor when money comes to the company (a deposit, a withdrawal
// returned, a recall of a deposit), the creditor when it goes out (a
// withdrawal, and the status, rejection or recall answer of one).
func setCustomer(ev *payment.Event) {
	if ev.Direction == payment.Credit {
		ev.Party = customerOf(ev.Wire.Debtor)
	} else {
		ev.Party = customerOf(ev.Wire.Creditor)
	}
}

// remittance reads RmtInf: the unstructured lines joined, then the
// references of the structured parts (document numbers, creditor
// references, additional remittance text).
func remittance(t *tree, rmt int32) string {
	if rmt < 0 {
		return ""
	}
	var parts []string
	for c := t.child(rmt, "Ustrd"); c >= 0; c = t.nextNamed(c, "Ustrd") {
		if s := t.text(c); s != "" {
			parts = append(parts, s)
		}
	}
	for s := t.child(rmt, "Strd"); s >= 0; s = t.nextNamed(s, "Strd") {
		for d := t.child(s, "RfrdDocInf"); d >= 0; d = t.nextNamed(d, "RfrdDocInf") {
			if nb := t.str(d, "Nb"); nb != "" {
				parts = append(parts, nb)
			}
		}
		if ref := t.str(s, "CdtrRefInf", "Ref"); ref != "" {
			parts = append(parts, ref)
		}
		for a := t.child(s, "AddtlRmtInf"); a >= 0; a = t.nextNamed(a, "AddtlRmtInf") {
			if txt := t.text(a); txt != "" {
				parts = append(parts, txt)
			}
		}
	}
	return strings.Join(parts, " ")
}

// instructions reads the bank-to-bank instructions under n
// (InstrForCdtrAgt, InstrForNxtAgt): "CODE: text" each, joined by "; ".
func instructions(t *tree, n int32) string {
	if n < 0 {
		return ""
	}
	var parts []string
	for c := t.nodes[n].first; c >= 0; c = t.nodes[c].next {
		switch t.nodes[c].name {
		case "InstrForCdtrAgt", "InstrForNxtAgt":
			cd := t.str(c, "Cd")
			if cd == "" {
				cd = t.str(c, "Prtry")
			}
			if s := join(": ", cd, t.str(c, "InstrInf")); s != "" {
				parts = append(parts, s)
			}
		}
	}
	return strings.Join(parts, "; ")
}
