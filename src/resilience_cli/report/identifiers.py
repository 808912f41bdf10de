"""Pure: spotting what could identify other people or cases before a line is shared.

A warning, never a block: the user decides to keep, edit or drop the line.
The patterns favour catching too much over too little; ordinary sentences
about a shift should not trip them (the tests hold both sides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PATTERNS = (
    # HM Prison Service numbers: a letter, four digits, two letters (A1234BC).
    ("a prison number", re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b")),
    # Police National Computer IDs: year / serial digits + check letter (12/345678A).
    ("a PNC ID", re.compile(r"\b\d{2}/\d{1,7}[A-Z]\b")),
    # Crime reference numbers in their common shapes (CRN 12345/21, AB/12345/21, 42/12345/2026).
    ("a crime reference number", re.compile(
        r"\b(?:CRN|crime ref(?:erence)?(?: number| no\.?)?)\s*[:#]?\s*[A-Z0-9/-]{4,}\b"
        r"|\b[A-Z]{2}/\d{4,}/\d{2,4}\b|\b\d{2}/\d{4,6}/\d{2,4}\b", re.I)),
    ("a phone number", re.compile(r"(?<!\d)(?:\+44\s?7\d{3}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")),
    ("an email address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
)
# Two or more capitalised words in a row, as in a full name.
# A lookahead, so that "Met Jane Doe" yields both "Met Jane" and "Jane Doe".
FULL_NAME = re.compile(r"\b(?=([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\b)")
# Capitalised pairs that are not people.
NOT_NAMES = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Occupational Health Talking Therapies Care Team
Peer Support Samaritans Shout NHS TRiM Police Care Prison Service Probation Service Reflective
Session Employee Assistance Line Wing Unit Block Court Crown Magistrates Custody Suite Team
Manager Supervisor Officer Governor Safer Custody The A I My Our We He She They It This That
Good Bad Long Late Night Day Rest Had Went Felt Very Back Home Work Then After Before Quiet
""".split())


@dataclass(frozen=True)
class Warning:
    what: str
    found: str


def scan(text: str) -> list[Warning]:
    found = []
    for what, pattern in PATTERNS:
        for match in pattern.finditer(text):
            found.append(Warning(what, match.group(0).strip()))
    for match in FULL_NAME.finditer(text):
        first, second = match.group(1), match.group(2)
        if first in NOT_NAMES or second in NOT_NAMES:
            continue
        found.append(Warning("what may be a person's name", f"{first} {second}"))
    return found


def describe(warnings: list[Warning]) -> str:
    return "; ".join(f"{w.what} ({w.found})" for w in warnings)
