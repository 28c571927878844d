"""``python -m console``: the headless command line."""

import sys

from console.cli.main import main

sys.exit(main())
