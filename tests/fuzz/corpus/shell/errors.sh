echo "unterminated $(date
ls 'x
if true; then
  echo `oops
done )
cat <<END
no end
