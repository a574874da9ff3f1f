import subprocess
import sys
from pathlib import Path


def test_engine_imports_nothing_from_django():
    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys; import ipshield.screening.engine as e; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"engine imported Django modules: {result.stdout} {result.stderr}"
