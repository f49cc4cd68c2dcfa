"""``python -m desktop.cli``: the same as ``infra-atlas``."""

import sys

from desktop.cli.main import main

sys.exit(main())
