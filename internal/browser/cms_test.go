package browser

import (
	"artsmap/internal/netlify"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"testing"

	"artsmap"
	"artsmap/internal/cms"
	"artsmap/internal/devserver"
	"artsmap/internal/site"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// editor is the CMS at /admin/ of a build of the repository's content/,
// served with the Content-Security-Policy netlify.toml sends for /admin/.
type editor struct {
	base string
	out  string // the built site it serves
	tab  *Tab
}

// openEditor builds content/ and opens /admin/. With testRepo, the CMS's
// configuration is served with the in-browser test backend (the Origin
// Private File System) in place of GitHub, and that is filled with every
// file under content/ first.
func openEditor(t *testing.T, b *Browser, testRepo bool) *editor {
	t.Helper()
	return openEditorWith(t, b, testRepo, nil)
}

// openEditorWith is openEditor with some of the test backend's files
// changed first: replace maps a path under content/ to the text it holds
// there in place of the repository's.
func openEditorWith(t *testing.T, b *Browser, testRepo bool, replace map[string]string) *editor {
	t.Helper()
	root := RepoRoot(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(root), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	config := readFile(t, filepath.Join(out, cms.ConfigPath))
	if testRepo {
		config = bytes.Replace(config, []byte(`"name": "github"`), []byte(`"name": "test-repo"`), 1)
	}
	csp := headerFor(t, filepath.Join(root, "netlify.toml"), "/admin/", "Content-Security-Policy")
	files := devserver.Handler(out)
	base := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if r.URL.Path == cms.ConfigPath {
			w.Header().Set("Content-Type", "application/yaml")
			w.Write(config)
			return
		}
		files.ServeHTTP(w, r)
	}))
	e := &editor{base: base, out: out, tab: b.NewTab(t)}
	// Record what the policy blocks, from before the first script runs.
	if _, err := chromedp.Call(e.tab.Context(), page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__blocked = []; document.addEventListener('securitypolicyviolation', e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));`,
	}); err != nil {
		t.Fatal(err)
	}
	e.tab.Go(t, base+"/admin/")
	if testRepo {
		e.seed(t, root, replace)
	}
	return e
}

// seed copies the site's content files into the test backend's folder,
// with the ones in replace replaced by their text there.
func (e *editor) seed(t *testing.T, root string, replace map[string]string) {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(os.DirFS(root), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (path.Ext(p) == ".md" || path.Ext(p) == ".geojson") {
			files[p] = string(readFile(t, filepath.Join(root, p)))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	maps.Copy(files, replace)
	data, _ := json.Marshal(files)
	Eval[bool](t, e.tab, `(async (files) => {
		const root = await navigator.storage.getDirectory();
		const repo = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
		for (const [name, text] of Object.entries(files)) {
			const parts = name.split('/');
			let dir = repo;
			for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, {create: true});
			const w = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
			await w.write(text);
			await w.close();
		}
		return true;
	})(`+string(data)+`)`)
	Eval[bool](t, e.tab, `(document.querySelector('button[data-label="Work with Test Repository"]').click(), true)`)
	e.tab.WaitFor(t, `document.querySelector('[role=row]')`)
}

// blocked returns what the Content-Security-Policy has blocked so far.
func (e *editor) blocked(t *testing.T) []string {
	return Eval[[]string](t, e.tab, `window.__blocked || []`)
}

// file reads a file back from the test backend.
func (e *editor) file(t *testing.T, name string) []byte {
	t.Helper()
	return []byte(Eval[string](t, e.tab, fmt.Sprintf(`(async (name) => {
		const parts = name.split('/');
		let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
		for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p);
		// The editor may be writing the file as it is polled: Chromium then
		// refuses the read (NotReadableError) until the write is closed.
		for (let i = 0; ; i++) {
			try {
				return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
			} catch (err) {
				if (err.name !== 'NotReadableError' || i >= 40) throw err;
				await new Promise((r) => setTimeout(r, 50));
			}
		}
	})(%q)`, name)))
}

// edit opens an entry, sets one text field as a person typing would, and
// saves, failing unless the file changes.
func (e *editor) edit(t *testing.T, entry, keyPath, value, file string) {
	t.Helper()
	if !e.trySave(t, entry, keyPath, value, file) {
		t.Fatalf("saving %s did not change %s (the page says: %s)", entry, file,
			Eval[string](t, e.tab, `[...document.querySelectorAll('[aria-invalid=true], [role=alert]')].map(e => e.textContent).join('; ')`))
	}
}

// trySave is edit that reports whether the file changed within 5 seconds.
func (e *editor) trySave(t *testing.T, entry, keyPath, value, file string) bool {
	t.Helper()
	before := e.file(t, file)
	e.tab.Go(t, e.base+"/admin/#/collections/"+entry)
	sel := fmt.Sprintf(`[data-key-path=%q] :is(input, textarea)`, keyPath)
	e.tab.WaitFor(t, fmt.Sprintf(`document.querySelector(%q)`, sel))
	Eval[bool](t, e.tab, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		el.focus();
		el.value = %q;
		el.dispatchEvent(new Event('input', {bubbles: true}));
		return true;
	})()`, sel, value))
	Eval[bool](t, e.tab, `([...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Save').click(), true)`)
	for i := 0; i < 100; i++ {
		if !bytes.Equal(e.file(t, file), before) {
			return true
		}
		Eval[bool](t, e.tab, `new Promise(r => setTimeout(() => r(true), 50))`)
	}
	return false
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// headerFor returns the value netlify.toml gives a header for a path, as
// the netlify package reads it for every server the tests run.
func headerFor(t *testing.T, netlifyToml, urlPath, name string) string {
	t.Helper()
	h, err := netlify.Load(netlifyToml)
	if err != nil {
		t.Fatal(err)
	}
	value := h.For(urlPath).Get(name)
	if value == "" {
		t.Fatalf("netlify.toml sends no %s for %s", name, urlPath)
	}
	return value
}
