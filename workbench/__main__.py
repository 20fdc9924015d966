"""`python -m workbench` runs the same CLI as the `crmwb` console script."""

from workbench.cli.main import main

raise SystemExit(main())
