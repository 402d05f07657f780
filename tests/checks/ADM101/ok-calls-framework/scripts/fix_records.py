#!/usr/bin/env python
"""Only calls the framework's own command."""
import subprocess

if __name__ == "__main__":
    subprocess.run(["python", "manage.py", "fix_records"], check=True)
