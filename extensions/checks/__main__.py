"""``python -m extensions.checks``: see :mod:`extensions.checks.cli`."""

import sys

from .cli import main

sys.exit(main())
