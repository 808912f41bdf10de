"""The team pulse (DOMAIN.md, "Team pulse"): one officer's week in bands, many weeks merged.

Pure: records, bytes and dates in; files' content, counts and report text out.
No clock, no disk, no terminal: cli/pulse.py reads those, pulse_files.py
streams the collector's files.
"""
