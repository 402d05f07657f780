echo a
cat <<EOF
body \
EOF
ls -l \
  /tmp # c
