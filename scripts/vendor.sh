#!/bin/sh
# Copies the pinned browser libraries from node_modules (installed by npm ci)
# into static/vendor/, where go:embed picks them up. Never committed.
set -e
cd "$(dirname "$0")/.."
dest=static/vendor
rm -rf "$dest"
mkdir -p "$dest/leaflet/images" "$dest/leaflet.markercluster" "$dest/leaflet.heat"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$dest/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$dest/leaflet/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css "$dest/leaflet.markercluster/"
cp node_modules/leaflet.heat/dist/leaflet-heat.js "$dest/leaflet.heat/"
for p in leaflet leaflet.markercluster leaflet.heat; do
	cp "node_modules/$p/LICENSE" "$dest/$p/LICENSE" 2>/dev/null || true
done
