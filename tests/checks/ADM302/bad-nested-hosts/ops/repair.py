import os

# EXPECT: ADM302 @+1:31 "'repair.py' is copied with kubectl cp"
os.system("sh -c \"kubectl cp repair.py web-0:/tmp/ && kubectl exec web-0 -- python /tmp/repair.py\"")
