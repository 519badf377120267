"""Allow ``python -m factlint``."""

import sys

from factlint.cli import main

if __name__ == "__main__":  # not when a worker process (Dask's, multiprocessing's) re-imports it
    sys.exit(main())
