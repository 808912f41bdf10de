"""Pure: spotting what could identify other people or cases before a line is shared.

A warning, never a block: the user decides to keep, edit or drop the line.
The patterns favour catching too much over too little; ordinary sentences
about a shift should not trip them (the tests hold both sides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resilience_cli.messages import _

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS
         + r"\s+\d{4}|\d{4}-\d{2}-\d{2})")
PATTERNS = (
    # HM Prison Service numbers: a letter, four digits, two letters (A1234BC, or a1234bc).
    ("prison_number", re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b", re.I)),
    # nDelius case reference numbers (CRNs): a letter and six digits (X123456).
    ("case_reference", re.compile(r"\b[A-Z]\d{6}\b", re.I)),
    # Police National Computer IDs: year / serial digits + check letter (12/345678A).
    ("pnc_id", re.compile(r"\b\d{2}/\d{1,7}[A-Z]\b", re.I)),
    # Crime reference numbers in their common shapes (CRN 12345/21, AB/12345/21, 42/12345/2026).
    ("crime_reference", re.compile(
        r"\b(?:CRN|crime ref(?:erence)?(?: number| no\.?)?)\s*[:#]?\s*[A-Z0-9/-]{4,}\b"  # not a message: a pattern
        r"|\b[A-Z]{2}/\d{4,}/\d{2,4}\b|\b\d{2}/\d{4,6}/\d{2,4}\b", re.I)),
    # A date of birth: said as one, or a full date in a year nobody works a shift in now.
    ("date_of_birth", re.compile(
        r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:#]?\s*" + _DATE  # not a message: a pattern
        + r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19\d{2}|200\d)\b"
        r"|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r"\s+(?:19\d{2}|200\d)\b", re.I)),
    # National Insurance numbers: two letters, six digits, a letter A to D (QQ 12 34 56 C).
    ("national_insurance", re.compile(
        r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)),
    # UK postcodes (SW1A 1AA, M1 1AE, b33 8th).
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.I)),
    # Vehicle registrations: the current format (AB12 CDE) and the older ones (A123 BCD).
    # The older prefix form (A123 BCD) only in capitals: "M1 was closed" is a road.
    ("vehicle_registration", re.compile(r"\b(?i:[A-Z]{2}\d{2}\s?[A-Z]{3})\b|\b[A-Z]\d{1,3}\s?[A-Z]{3}\b")),
    ("phone_number", re.compile(r"(?<!\d)(?:\+44\s?7\d{3}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")),
    ("email_address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    # A title with a surname (Officer Smith, Ms O'Brien, Mr Ali, DC Jones).
    ("title_and_surname", re.compile(
        r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Officer|PC|DC|DS|DI|Sgt|Sergeant|Insp|Inspector|"
        r"Governor|Nurse|Sister|Father|Rev)\.?\s+(?:O'|Mc|Mac)?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?\b")),
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
""".split())  # not a message: English words that are not names, for the pattern above


@dataclass(frozen=True)
class Warning:
    what: str  # in words: "a prison number"
    found: str


def scan(text: str) -> list[Warning]:
    found: list[Warning] = []
    seen: set[str] = set()
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            words = match.group(0).strip()
            # One finding per piece of text: a prison number is not a postcode too.
            if not any(words in earlier or earlier in words for earlier in seen):
                found.append(Warning(_(f"report.identifier.{kind}"), words))
                seen.add(words)
    for match in FULL_NAME.finditer(text):
        first, second = match.group(1), match.group(2)
        if first in NOT_NAMES or second in NOT_NAMES:
            continue
        if any(f"{first} {second}" in earlier or second in earlier for earlier in seen):
            continue
        found.append(Warning(_("report.identifier.name"), f"{first} {second}"))
    return found


def describe(warnings: list[Warning]) -> str:
    return "; ".join(_("report.identifier.found", what=w.what, found=w.found) for w in warnings)
