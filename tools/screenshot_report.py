"""Regenerate docs/report.png: the seeds' HTML report in headless Chromium.

Run from the project root: .venv/bin/python tools/screenshot_report.py [--output FILE] [--width PX]
Needs Debian's chromium (apt-get install -y chromium).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="Needs Debian's chromium (apt-get install -y chromium).")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png", help="the PNG to write (default: docs/report.png)")
    parser.add_argument("--width", type=int, default=1400, help="browser window width in pixels (default: 1400)")
    parser.add_argument("--height", type=int, default=1700, help="browser window height in pixels (default: 1700)")
    args = parser.parse_args(argv)
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
                f"--user-data-dir={Path(scratch) / 'profile'}", f"--window-size={args.width},{args.height}",
                f"--screenshot={args.output.resolve()}", report.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
