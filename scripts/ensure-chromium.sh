#!/bin/sh
# Installs Debian's chromium when it is missing. The browser tests need it;
# with CI=true a missing browser fails them rather than skipping them.
set -e
if command -v chromium >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "installing chromium (Debian package) for the browser tests"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "chromium is not installed and cannot be installed here (need root and apt-get)." >&2
if [ "${CI:-}" = "true" ]; then
	exit 1
fi
echo "the browser tests will be skipped" >&2
