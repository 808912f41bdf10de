"""Interactive flows with questionary: they return answers and never save.

Every question can be skipped. Questions answered by a flag are not asked.
When a day is amended, its earlier answers are the defaults, so Enter keeps
them. Ctrl-C raises KeyboardInterrupt (we use `unsafe_ask`, because `ask`
would turn it into a silent None); the CLI turns it into "nothing was saved".

One module per flow; the names the CLI uses are gathered here.
"""

from resilience_cli.prompts.basics import (
    SKIP,
    ask_new_passphrase,
    ask_passphrase,
    confirm,
)
from resilience_cli.prompts.checkin import (
    ask_checkin,
    ask_region,
    ask_safety,
    confirm_delete,
)
from resilience_cli.prompts.periodic import (
    FOLLOWUP_LATER,
    FOLLOWUP_NOW,
    FOLLOWUP_SKIP,
    ask_followup,
    ask_followup_consent,
    ask_pack,
    ask_reflection,
)
from resilience_cli.prompts.workplace import Workplace, ask_number, ask_service, ask_workplace
from resilience_cli.prompts.summary import (
    DROP,
    DROP_ALL,
    EDIT,
    KEEP,
    KEEP_ALL,
    ONE_BY_ONE,
    edit_list,
    identifier_choice,
    identifiers_at_once,
    keep_section,
    new_actions,
    pick_private_sections,
    pick_requests,
    review_action,
)

__all__ = [
    "DROP",
    "DROP_ALL",
    "EDIT",
    "FOLLOWUP_LATER",
    "FOLLOWUP_NOW",
    "FOLLOWUP_SKIP",
    "KEEP",
    "KEEP_ALL",
    "ONE_BY_ONE",
    "SKIP",
    "ask_checkin",
    "ask_followup",
    "ask_followup_consent",
    "ask_new_passphrase",
    "ask_pack",
    "ask_passphrase",
    "ask_reflection",
    "ask_region",
    "ask_service",
    "ask_number",
    "ask_workplace",
    "Workplace",
    "ask_safety",
    "confirm",
    "confirm_delete",
    "edit_list",
    "identifier_choice",
    "identifiers_at_once",
    "keep_section",
    "new_actions",
    "pick_private_sections",
    "pick_requests",
    "review_action",
]
