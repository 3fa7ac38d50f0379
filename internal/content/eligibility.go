package content

import (
	"strings"
)

// Joining is who can join an activity and how: set on a provider and,
// where different, on a programme, whose own values win.
type Joining struct {
	Eligibility  string `toml:"eligibility"`   // plain text: who can join
	MinAge       int    `toml:"min_age"`       // whole years; 0 when not stated
	MaxAge       int    `toml:"max_age"`       // whole years; 0 when not stated
	HowToJoin    string `toml:"how_to_join"`   // Markdown inline
	ReferralForm string `toml:"referral_form"` // http(s) address of a referral form
	ReplyDays    int    `toml:"reply_days"`    // working days to reply to a referral; 0 when not stated
}

// maxAge is the oldest age a profile may state.
const maxAge = 120

// Or returns j with each value it does not state taken from def.
func (j Joining) Or(def Joining) Joining {
	if strings.TrimSpace(j.Eligibility) == "" {
		j.Eligibility = def.Eligibility
	}
	if j.MinAge == 0 && j.MaxAge == 0 {
		j.MinAge, j.MaxAge = def.MinAge, def.MaxAge
	}
	if strings.TrimSpace(j.HowToJoin) == "" {
		j.HowToJoin = def.HowToJoin
	}
	if j.ReferralForm == "" {
		j.ReferralForm = def.ReferralForm
	}
	if j.ReplyDays == 0 {
		j.ReplyDays = def.ReplyDays
	}
	return j
}

// checkJoining applies the rules of who can join and how; at is the table
// the fields sit in ("" for the provider, "programmes.0" for a programme).
func (l *loader) checkJoining(d *decoded, at string, j Joining) {
	key := func(k string) string {
		if at == "" {
			return k
		}
		return at + "." + k
	}
	for _, a := range []struct {
		key string
		age int
	}{{"min_age", j.MinAge}, {"max_age", j.MaxAge}} {
		if a.age < 0 || a.age > maxAge {
			l.errAt(d, key(a.key), "%s %d is not an age", a.key, a.age).Hint = "give whole years, from 0 to 120"
		}
	}
	if j.MaxAge > 0 && j.MaxAge < j.MinAge {
		l.errAt(d, key("max_age"), "max_age %d is below min_age %d", j.MaxAge, j.MinAge).Hint =
			"max_age is the oldest age that can join; swap the two if they are the wrong way round"
	}
	if j.ReplyDays < 0 {
		l.errAt(d, key("reply_days"), "reply_days %d is below 0", j.ReplyDays).Hint =
			"give the number of working days it takes to reply to a referral, like 5"
	}
	l.summary(d, key("eligibility"), j.Eligibility, false)
	l.webURL(d, key("referral_form"), j.ReferralForm)
}
