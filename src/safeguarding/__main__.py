"""``python -m safeguarding``: the same as the ``safeguarding`` command."""

import sys

from safeguarding.cli import main

sys.exit(main())
