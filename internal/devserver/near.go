package devserver

import (
	"net/http"
	"regexp"
	"strings"
)

// outwardCode is a postcode district as the /near/ form sends it.
var outwardCode = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?$`)

// nearQuery answers /near/?postcode=GL14 with a redirect to /near/GL14/,
// as the query redirect in netlify.toml does on the published site, so
// that the postcode district form works under serve without JavaScript.
// Anything that is not a postcode district is served as it is.
func nearQuery(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/near/" {
			code := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("postcode")))
			if outwardCode.MatchString(code) {
				http.Redirect(w, r, "/near/"+code+"/", http.StatusMovedPermanently)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
