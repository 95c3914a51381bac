"""``python -m jobdocs``."""

import sys

from jobdocs.cli import main

sys.exit(main())
