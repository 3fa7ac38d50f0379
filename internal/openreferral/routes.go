package openreferral

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Dir is the folder of the export below the site root, and the API's path.
const Dir = "openreferral"

// NotFoundName is the export's error document, answered with status 404
// for an address under the API that has no document: an unknown kind or
// id, or a page past the last.
const NotFoundName = "404.json"

// NotFoundBody is the error document: JSON, as the API's clients expect,
// never the site's HTML page.
func NotFoundBody() ([]byte, error) {
	return encode(struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
		Detail string `json:"detail"`
	}{"not found", 404, "There is no Open Referral document at this address: the id is unknown, the page is past the last one, or the path is not part of the API. The root document is /" + Dir + "; each list's pages say how many there are."})
}

var pageNumber = regexp.MustCompile(`^[1-9][0-9]*$`)

// Resolve answers an API request the way the site's Netlify rules do
// (netlify.toml and the _redirects file Redirects writes), for previews:
// file is the export file that answers urlPath?query, below the site root,
// and status 200 or 404 (then file is the error document). ok is false for
// an address outside the API. exists reports whether the site has a file.
func Resolve(urlPath string, query url.Values, exists func(string) bool) (file string, status int, ok bool) {
	p := strings.Trim(path.Clean("/"+urlPath), "/")
	rest, under := strings.CutPrefix(p, Dir)
	if !under || rest != "" && !strings.HasPrefix(rest, "/") {
		return "", 0, false
	}
	if exists(p) {
		return p, 200, true
	}
	notFound := Dir + "/" + NotFoundName
	parts := strings.Split(strings.Trim(rest, "/"), "/")
	switch {
	case rest == "" || rest == "/":
		return Dir + "/index.json", 200, true
	case !slices.Contains(Kinds, parts[0]) || len(parts) > 2:
		return notFound, 404, true
	}
	if len(parts) == 2 { // an item is served from its own path, checked above
		return notFound, 404, true
	}
	page := query.Get("page")
	if page == "" {
		page = "1"
	}
	if !pageNumber.MatchString(page) {
		return notFound, 404, true
	}
	want := Dir + "/" + parts[0] + "/page-" + page + ".json"
	if exists(want) {
		return want, 200, true
	}
	return notFound, 404, true
}

// Redirects is a Netlify _redirects file for the API's list pages in this
// build: each list's ?page=N for the pages there are, then any other page
// as the error document with status 404. Netlify follows one rule per
// request and answers a rewrite to a file that does not exist with the
// site's HTML 404 page, so only exact rules lead past the last page to the
// JSON error. Items need no rule: each is written at its API path, and an
// unknown id falls to netlify.toml's /openreferral/* rule. So the file
// holds one rule per page (an item in DefaultPageSize), not one per item:
// Netlify advises fewer than 10,000 rules. files are the export's files.
func Redirects(files []File) []byte {
	var b strings.Builder
	b.WriteString("# The Open Referral API's list pages in this build, written by artsmap.\n")
	b.WriteString("# Netlify reads these rules before those of netlify.toml.\n")
	for _, kind := range Kinds {
		prefix := Dir + "/" + kind + "/"
		for _, f := range files {
			if n, ok := pageOf(f.Path, prefix); ok {
				fmt.Fprintf(&b, "/%s page=%s /%s 200\n", strings.TrimSuffix(prefix, "/"), n, f.Path)
			}
		}
		fmt.Fprintf(&b, "/%s page=:page /%s/%s 404\n", strings.TrimSuffix(prefix, "/"), Dir, NotFoundName)
	}
	return []byte(b.String())
}

// pageOf is the number of the list page at file below prefix
// ("openreferral/services/page-2.json" gives "2").
func pageOf(file, prefix string) (string, bool) {
	name, ok := strings.CutPrefix(file, prefix+"page-")
	if n, json := strings.CutSuffix(name, ".json"); ok && json && pageNumber.MatchString(n) {
		return n, true
	}
	return "", false
}
