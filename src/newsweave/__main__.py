"""`python -m newsweave`: the same as the `newsweave` command."""

from newsweave.cli import main

main()
