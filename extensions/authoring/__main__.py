"""``python -m extensions.authoring``: see :mod:`extensions.authoring.cli`."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
