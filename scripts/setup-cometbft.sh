#!/usr/bin/env bash
# Builds the pinned CometBFT binary into <repo>/.cometbft-bin/cometbft.
# The version lives in src/engines/cometbft/version.json only, so the TypeScript side
# (which checks the binary it spawns) and this script can never disagree.
# Never @latest: it resolves to the retracted v1.0.1 with a different ABCI proto package.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version_file="$repo/src/engines/cometbft/version.json"
bin_dir="$repo/.cometbft-bin"
binary="$bin_dir/cometbft"

# Read without jq (not guaranteed to be installed); node is always there for this project.
read_field() {
  node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(v[process.argv[2]] ?? "")' \
    "$version_file" "$1"
}
pinned="$(read_field version)"
fallback="$(read_field fallbackVersion)"

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
  else
    echo "setup-cometbft: Go is not installed (need Go 1.22+ to build CometBFT)." >&2
    exit 1
  fi
fi

# `cometbft version` prints e.g. "0.38.25" (no leading v).
installed_version() {
  if [ -x "$binary" ]; then "$binary" version 2>/dev/null | head -n1 | tr -d '[:space:]'; fi
}

if [ "$(installed_version)" = "${pinned#v}" ]; then
  echo "setup-cometbft: $binary is already CometBFT $pinned, nothing to do."
  exit 0
fi

build() {
  # GOPATH/GOMODCACHE/GOCACHE stay in Go's default places so repeated builds share caches.
  CGO_ENABLED=0 GOBIN="$bin_dir" go install -trimpath "github.com/cometbft/cometbft/cmd/cometbft@$1"
}

mkdir -p "$bin_dir"
started=$(date +%s)
echo "setup-cometbft: building CometBFT $pinned with $(go version) ..."
if build "$pinned"; then
  built="$pinned"
else
  echo "" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!! setup-cometbft: could not build pinned CometBFT $pinned." >&2
  echo "!! FALLING BACK to $fallback (ABCI wire-compatible, NOT the pinned version)." >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  build "$fallback"
  built="$fallback"
fi
echo "setup-cometbft: built CometBFT $built in $(($(date +%s) - started))s: $binary"
"$binary" version
