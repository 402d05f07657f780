echo 'a b' "c ${X:-"d}"} $(id -u) `date +%s`" e\ f $'g\th\x41' $"i" \
  --cont\
inued 2>&1 >>/tmp/log <<< "$Q" &>/dev/null
arr=(a "b c" $(ls)) x=$((1 + $(nproc) * (2))) ; (( i++ ))
[[ -n "$X" && $Y =~ ^(a|b)$ ]] && { echo ok; } || ( cd / ; pwd )
diff <(ls a) <(ls b) | tee >(cat)
function f { if a; then b; elif c; then d; else e; fi; }
while read -r l; do until false; do :; done; done < <(seq 3)
select x in a b; do break; done
docker run app:${{ github.sha }} python manage.py migrate
