package devserver

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// guard lets through only GET and HEAD requests whose Host names the
// address the server listens on, with its port: localhost or a loopback
// address (127.0.0.1, [::1]), the host named in -addr, or, when the
// server listens on every interface, any address given as numbers. Any
// other name is what a DNS-rebinding page sends, and gets 421
// Misdirected Request.
func guard(h http.Handler, requested string, bound net.Addr) http.Handler {
	named, _, _ := net.SplitHostPort(requested)
	_, port, _ := net.SplitHostPort(bound.String())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hostAllowed(r.Host, named, port) {
			http.Error(w, "This preview answers only to the address it listens on (Misdirected Request).", http.StatusMisdirectedRequest)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "The preview only serves pages: GET and HEAD only.", http.StatusMethodNotAllowed)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// hostAllowed reports whether a request's Host header names this server.
func hostAllowed(hostHeader, named, port string) bool {
	host, p, err := net.SplitHostPort(hostHeader)
	if err != nil || p != port {
		return false
	}
	host = strings.ToLower(host)
	if host == "localhost" || (named != "" && host == strings.ToLower(named)) {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return ip.IsLoopback() || everywhere(named)
}

// everywhere reports whether a listening host means every interface.
func everywhere(named string) bool {
	ip, err := netip.ParseAddr(named)
	return named == "" || err == nil && ip.IsUnspecified()
}

// Exposed reports whether addr ("127.0.0.1:1313", ":1313", "0.0.0.0:80",
// "myhost:1313") listens beyond this machine: anything but a loopback
// address or localhost.
func Exposed(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false // net.Listen reports the mistake
	}
	if strings.EqualFold(host, "localhost") {
		return false
	}
	ip, err := netip.ParseAddr(host)
	return err != nil || !ip.IsLoopback()
}
