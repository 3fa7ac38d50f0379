package devserver

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Broker sends Server-Sent Events to every open page. The last
// "problems" event, until a later event replaces it, is also sent to each
// page that connects afterwards, so that a page loaded while the site does
// not build shows why.
type Broker struct {
	mu       sync.Mutex
	clients  map[chan string]bool
	problems string // the last event when it was "problems", else ""
}

// NewBroker returns a broker with no clients.
func NewBroker() *Broker { return &Broker{clients: map[chan string]bool{}} }

// Publish sends an event (a name and one line of data) to every client.
func (b *Broker) Publish(event, data string) {
	msg := fmt.Sprintf("event: %s\ndata: %s\n\n", event, data)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = ""
	if event == "problems" {
		b.problems = msg
	}
	for c := range b.clients {
		select {
		case c <- msg:
		default: // a client that is not reading misses this one
		}
	}
}

// ServeHTTP streams events to one client until it goes away.
func (b *Broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan string, 8)
	b.mu.Lock()
	b.clients[c] = true
	if b.problems != "" {
		c <- b.problems
	}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, c)
		b.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 500\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-c:
			fmt.Fprint(w, msg)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}
