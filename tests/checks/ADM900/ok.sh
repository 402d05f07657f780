#!/bin/sh
set -eu
echo 'quoted' "and $(date)" \
  --continued
cat <<'EOF2'
here document
EOF2
