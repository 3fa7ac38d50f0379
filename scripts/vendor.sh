#!/bin/sh
# Copies the pinned browser libraries from node_modules (installed by npm ci)
# into static/vendor/, where go:embed picks them up. Never committed.
set -e
cd "$(dirname "$0")/.."
dest=static/vendor
rm -rf "$dest"
mkdir -p "$dest/leaflet/images" "$dest/leaflet.markercluster" "$dest/leaflet.heat" "$dest/sveltia-cms"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$dest/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$dest/leaflet/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css "$dest/leaflet.markercluster/"
cp node_modules/leaflet.heat/dist/leaflet-heat.js "$dest/leaflet.heat/"
for p in leaflet leaflet.markercluster leaflet.heat; do
	cp "node_modules/$p/LICENSE" "$dest/$p/LICENSE" 2>/dev/null || true
done
# The browser editor at /admin/ (one self-contained script). The bundle
# asks two CDNs for its fonts and for its latest version number; both are
# pointed at copies served by the site itself, so editing sends nothing to
# a third party. Each rewrite must match, or the build stops: a new CMS
# version that moved them needs this script updated.
cms="$dest/sveltia-cms"
mkdir -p "$cms/fonts"
cp node_modules/@sveltia/cms/LICENSE.txt node_modules/@sveltia/cms/package.json "$cms/"
cp node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2 \
   node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2 \
   node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2 \
   "$cms/fonts/"
cdn=https://cdn.jsdelivr.net/fontsource/fonts
rewrite() { # from to
	grep -qF "$1" "$cms/sveltia-cms.js" || { echo "vendor.sh: $1 not found in the CMS bundle" >&2; exit 1; }
	sed -i "s#$1#$2#g" "$cms/sveltia-cms.js"
}
cp node_modules/@sveltia/cms/dist/sveltia-cms.js "$cms/"
rewrite "$cdn/source-sans-3:vf@5.3.0/latin-wght-normal.woff2" /vendor/sveltia-cms/fonts/source-sans-3-latin-wght-normal.woff2
rewrite "$cdn/noto-mono@5.3.0/latin-400-normal.woff2" /vendor/sveltia-cms/fonts/noto-mono-latin-400-normal.woff2
rewrite "$cdn/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2" /vendor/sveltia-cms/fonts/material-symbols-outlined-latin-wght-normal.woff2
rewrite 'iP=`https://unpkg.com/@sveltia/cms`' 'iP=`/vendor/sveltia-cms`'
# Custom preview templates render with React DOM, which the CMS loads as a
# chunk beside its script.
mkdir -p "$cms/chunks"
cp node_modules/@sveltia/cms/dist/chunks/react-dom.js "$cms/chunks/"
# The libraries the CMS loads when a feature needs them come from unpkg;
# they are asked of the site instead (/vendor/npm/NAME@VERSION/...), where
# only Immutable.js is copied: custom preview templates (the profile's
# preview, static/js/admin/preview.js) need it. The others (the map widget's
# Leaflet, code highlighting) stay unavailable, as the policy blocks unpkg.
rewrite 'let t=`https://unpkg.com/${e}`' 'let t=`/vendor/npm/${e}`'
immutable=$(grep -o 'immutable:`^[0-9.]*`' "$cms/sveltia-cms.js" | head -n 1 | sed 's/immutable:`^\([0-9.]*\)`/\1/')
[ -n "$immutable" ] || { echo "vendor.sh: the CMS bundle names no immutable version" >&2; exit 1; }
mkdir -p "$dest/npm/immutable@$immutable/dist"
cp node_modules/immutable/dist/immutable.es.js node_modules/immutable/LICENSE "$dest/npm/immutable@$immutable/dist/"
