// Command serve-public serves a built site folder on loopback as the CDN
// does: pretty URLs, the site's 404 page and the response headers of
// netlify.toml (without the upgrade to HTTPS). Unlike artsmap serve it
// injects no live-reload script, so that measurements see the published
// pages. scripts/lighthouse.sh runs it.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"time"

	"artsmap/internal/devserver"
	"artsmap/internal/netlify"
)

func main() {
	dir := flag.String("dir", "public", "the built site folder")
	addr := flag.String("addr", "127.0.0.1:8090", "the address to listen on")
	config := flag.String("netlify", "netlify.toml", "the netlify.toml whose headers to send")
	flag.Parse()
	h, err := netlify.Load(*config)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Addr: *addr, Handler: h.Wrap(devserver.Handler(*dir), netlify.Loopback), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving %s at http://%s/\n", *dir, *addr)
	log.Fatal(srv.ListenAndServe())
}
