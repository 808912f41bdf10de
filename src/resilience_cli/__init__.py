"""resilience: a private, local check-in journal for people in critical occupations."""

# Kept here, not read from package metadata at run time: importlib.metadata
# costs more than the rest of `resilience --version` put together.
__version__ = "0.1.0"
