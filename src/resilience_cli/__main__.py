"""Lets `python -m resilience_cli` work like the `resilience` command."""

from resilience_cli.cli import main

if __name__ == "__main__":
    main()
