"""A command's help, built from the catalogue's words: what it does, then its examples.

Typer shows a command's docstring as its help. A command whose words are in the
catalogue sets its `__doc__` from this as its module loads (after `--lang` is
read: see cli.run), so its help is in the language spoken.
"""

from __future__ import annotations


def with_examples(text: str, heading: str, *examples: str) -> str:
    """`text`, then `heading` ("Examples:") and the example command lines, typed as
    they are; Click's \\b keeps those lines as they are written, one a line."""
    return f"{text}\n\n\b\n{heading}\n" + "\n".join(f"  {example}" for example in examples)
