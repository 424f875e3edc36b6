"""``python -m newsdigest.cli``: the same as the ``newsdigest`` command."""

import sys

from newsdigest.cli import main

sys.exit(main())
