"""`python -m extract CORPUS... -o events.csv`"""

import sys

from extract.cli import main

sys.exit(main())
