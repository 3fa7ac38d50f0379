package devserver

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/netlify"
)

// serveTest serves h as Serve does, with the built-in netlify.toml's
// headers, on a free loopback port (or addr), and returns the port.
func serveTest(t *testing.T, addr string, h http.Handler) string {
	t.Helper()
	headers, err := netlify.Parse("netlify.toml", artsmap.Netlify)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, addr, h, headers, func(a string) { ready <- a }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	select {
	case a := <-ready:
		_, port, _ := net.SplitHostPort(a)
		return port
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	}
	return ""
}

// send makes a request to 127.0.0.1:port with the given method and Host.
func send(t *testing.T, method, port, host string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, "http://127.0.0.1:"+port+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = strings.ReplaceAll(host, "PORT", port)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body) // only the status and headers matter
	res.Body.Close()
	return res
}

// TestServeGuard checks the Host header, the methods, and that every
// answer carries the production security headers.
func TestServeGuard(t *testing.T) {
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<p>home") }) // test handler
	port := serveTest(t, "127.0.0.1:0", page)
	tests := []struct {
		method, host string
		code         int
	}{
		{"GET", "127.0.0.1:PORT", 200},
		{"HEAD", "127.0.0.1:PORT", 200},
		{"GET", "localhost:PORT", 200},
		{"GET", "LOCALHOST:PORT", 200},
		{"GET", "[::1]:PORT", 200},
		{"GET", "evil.example:PORT", http.StatusMisdirectedRequest}, // DNS rebinding
		{"GET", "attacker.localhost.example:PORT", http.StatusMisdirectedRequest},
		{"GET", "127.0.0.1:1", http.StatusMisdirectedRequest},
		{"GET", "127.0.0.1", http.StatusMisdirectedRequest},
		{"GET", "192.0.2.7:PORT", http.StatusMisdirectedRequest}, // not an address it listens on
		{"POST", "127.0.0.1:PORT", http.StatusMethodNotAllowed},
		{"PUT", "127.0.0.1:PORT", http.StatusMethodNotAllowed},
		{"DELETE", "localhost:PORT", http.StatusMethodNotAllowed},
		{"OPTIONS", "localhost:PORT", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		res := send(t, tt.method, port, tt.host)
		if res.StatusCode != tt.code {
			t.Errorf("%s with Host %s = %d, want %d", tt.method, tt.host, res.StatusCode, tt.code)
		}
		if tt.code == http.StatusMethodNotAllowed && res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow = %q, want GET, HEAD", tt.method, res.Header.Get("Allow"))
		}
		csp := res.Header.Get("Content-Security-Policy")
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(csp, "script-src 'self'") ||
			strings.Contains(csp, "upgrade-insecure-requests") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s with Host %s: headers %v, want the production ones (without the HTTPS upgrade)", tt.method, tt.host, res.Header)
		}
	}
}

// TestServeEverywhere accepts an address given as numbers when the
// server listens on every interface, and still refuses other names.
func TestServeEverywhere(t *testing.T) {
	port := serveTest(t, ":0", http.NotFoundHandler())
	if res := send(t, "GET", port, "192.0.2.7:PORT"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an address as numbers = %d, want it served", res.StatusCode)
	}
	if res := send(t, "GET", port, "evil.example:PORT"); res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("a name = %d, want 421", res.StatusCode)
	}
}

// TestServeEventsStream keeps the reload stream open past the server's
// timeouts for headers and reads; it is still delivered to.
func TestServeEventsStream(t *testing.T) {
	events := NewBroker()
	port := serveTest(t, "127.0.0.1:0", LiveHandler(mapSource{}, events, errMissing))
	res, err := http.Get("http://127.0.0.1:" + port + "/_artsmap/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Security-Policy") == "" {
		t.Error("the event stream has no Content-Security-Policy")
	}
	time.Sleep(200 * time.Millisecond)
	events.Publish("reload", "")
	r := bufio.NewReader(res.Body)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("the stream ended: %v", err)
		}
		if line == "event: reload\n" {
			return
		}
	}
}

func TestExposed(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:1313": false, "localhost:1313": false, "[::1]:1313": false, "127.0.0.2:80": false,
		":1313": true, "0.0.0.0:1313": true, "[::]:1313": true, "192.168.1.5:1313": true, "myhost:1313": true,
	} {
		if got := Exposed(addr); got != want {
			t.Errorf("Exposed(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestProblemsReplayed sends the last problems to a page that connects
// after they were published, and forgets them after a reload.
func TestProblemsReplayed(t *testing.T) {
	events := NewBroker()
	port := serveTest(t, "127.0.0.1:0", LiveHandler(mapSource{}, events, errMissing))
	first := func() string {
		res, err := http.Get("http://127.0.0.1:" + port + "/_artsmap/events")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		r := bufio.NewReader(res.Body)
		go func() { time.Sleep(300 * time.Millisecond); res.Body.Close() }()
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return ""
			}
			if strings.HasPrefix(line, "event: ") {
				return line
			}
		}
	}
	events.Publish("problems", `[{"path":"content/site.toml"}]`)
	if got := first(); got != "event: problems\n" {
		t.Errorf("a page connecting after problems got %q first", got)
	}
	events.Publish("reload", "")
	if got := first(); got != "" {
		t.Errorf("a page connecting after a good build got %q", got)
	}
}
