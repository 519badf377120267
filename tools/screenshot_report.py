"""Regenerate docs/report.png: the seeds' HTML report in headless Chromium.

Run from the project root: .venv/bin/python tools/screenshot_report.py
Needs Debian's chromium (apt-get install -y chromium).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "factlint", "check", "seeds", "--format", "html", "--output", str(report)],
            cwd=ROOT,
            check=False,
        )
        subprocess.run(
            [
                browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                f"--user-data-dir={Path(scratch) / 'profile'}", "--window-size=1400,1700",
                f"--screenshot={ROOT / 'docs' / 'report.png'}", report.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"wrote {ROOT / 'docs' / 'report.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
