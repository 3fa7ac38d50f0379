// Package artsmap holds the built-in theme: the default layouts and static
// files compiled into the artsmap binary, so that it builds any site from
// any folder. A site's own layouts/ and static/ override them file by file.
package artsmap

import "embed"

// Theme holds the layouts/ and static/ folders.
//
//go:embed layouts static
var Theme embed.FS

// Netlify is the repository's netlify.toml: the preview sends its headers
// when a site folder has no netlify.toml of its own.
//
//go:embed netlify.toml
var Netlify []byte
