#!/bin/sh
# The copy and the run inside one `sh -c` body.
# EXPECT: ADM302 @+1:19 "'fix.py' is copied with kubectl cp"
sh -c "kubectl cp fix.py web:/tmp && kubectl exec web -- python /tmp/fix.py"

# A login shell's body, the run again wrapped in `sh -c` inside the container.
# EXPECT: ADM302 @+1:21 "'repair_carts.rb' is copied with docker cp"
bash -lc 'docker cp repair_carts.rb web:/app/tmp/ && docker exec web sh -c "bin/rails runner tmp/repair_carts.rb"'

# Copied at the top level, run by `sh -c` inside the pod.
# EXPECT: ADM302 @+1:20 "'backfill_totals.py' is copied with kubectl cp"
kubectl cp -n shop backfill_totals.py shop/web-0:/tmp/backfill_totals.py
kubectl exec -n shop web-0 -- sh -c 'cd /tmp && python backfill_totals.py --apply'

# Copied with scp, run by the ssh remote string inside `bash -c`.
# EXPECT: ADM302 @+1:14 "'purge_sessions.sh' is copied with scp"
bash -c "scp purge_sessions.sh deploy@web1:/tmp/ && ssh deploy@web1 'sh /tmp/purge_sessions.sh'"
