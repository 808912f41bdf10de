"""Records to and from files: our JSON, JSONL and CSV, and Daylio's and jrnl's exports.

Pure apart from the text it is handed: no database, no terminal. Every record
read is validated exactly as a check-in is, so an import can never store what
the check-in would refuse.
"""
