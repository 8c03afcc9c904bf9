"""`python -m cxgov`: the command line."""

from cxgov.cli import main

raise SystemExit(main())
