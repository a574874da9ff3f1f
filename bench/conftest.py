import os

os.environ.setdefault("SECRET_KEY", "bench-only")
