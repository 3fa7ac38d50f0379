#!/bin/sh
# Installs a Debian package when the command it provides is missing.
#
#   sh scripts/ensure-debian-package.sh COMMAND PACKAGE [WHAT FOR]
#
# Needs root and apt-get. Another apt-get may hold the dpkg lock (the
# machine can be shared): the install is tried again a few times. Exits 1
# when the command is still missing afterwards.
set -e
cmd=$1
pkg=$2
why=${3:-}
if command -v "$cmd" >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "installing $pkg (Debian package)${why:+ $why}"
	for _ in 1 2 3 4 5 6; do
		if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null; then
			break
		fi
		echo "apt-get failed (another install may hold the lock): trying again in 10 s" >&2
		sleep 10
	done
fi
if command -v "$cmd" >/dev/null 2>&1; then
	exit 0
fi
echo "$cmd is not installed and could not be: apt-get install -y $pkg (needs root and apt-get)." >&2
exit 1
