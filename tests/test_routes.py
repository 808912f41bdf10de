"""The right door, first time: help that fits the nation and the service, said once,
in the order that helps, with who will know (issue 22)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import tomllib
from importlib import resources

import pytest
from conftest import checkin_keys, days_ago, flat, write_config

ENTER = "\r"
SAMARITANS = "116 123"
# Each nation's urgent line, labelled, as the issue asks.
EVERY_NATION = (
    "England: NHS 111, call 111 and select the mental health option (usually option 2)",
    "Wales: NHS 111 Wales, mental health, call 111 and press 2",
    "Scotland: NHS 24, mental health hub, call 111",
    "Scotland: Breathing Space, call 0800 83 85 87",
    "Northern Ireland: Lifeline, call 0808 808 8000",
)
UNREAD = ("Your nation could not be read from your settings, so the urgent line for each nation is shown.")


def data(name: str) -> dict:
    return tomllib.loads(resources.files("resilience_cli").joinpath(f"data/{name}").read_text("utf-8"))


# -- An unknown nation: every nation's urgent line, labelled; never England by guess.

BROKEN = {
    "cornwall": '[contacts]\nregion = "cornwall"\n',
    "not toml": "[contacts\nregion = scotland\n",
    "contacts not a table": 'contacts = "scotland"\n',
}


@pytest.mark.parametrize("config", BROKEN.values(), ids=BROKEN.keys())
def test_help_now_with_an_unreadable_nation_shows_every_nations_line(cli, home, config):
    write_config(home, config)
    result = cli("help-now", "--plain")
    assert result.exit_code == 0
    shown = flat(result.stdout)
    for line in EVERY_NATION:
        assert line in shown
    assert UNREAD in shown
    assert "These contacts are for England" not in shown
    assert result.stderr == "Your settings file could not be read, so these are the built-in contacts.\n"


def test_a_broken_file_that_names_its_nation_keeps_it(cli, home):
    """A mistake elsewhere in the file does not lose a nation it names clearly."""
    write_config(home, '[contacts]\nregion = "northern-ireland"\n\n[questions]\nalcohol = "maybe"\n')
    shown = flat(cli("help-now").stdout)
    assert "Lifeline: call 0808 808 8000" in shown and "These contacts are for Northern Ireland." in shown
    assert "NHS 111" not in shown


def test_after_a_distressing_check_in_with_an_unknown_nation(cli, home):
    write_config(home, '[contacts]\nregion = "cornwall"\n')
    result = cli("checkin", "--mood", "1", "--no-input")
    assert result.exit_code == 0
    box = flat(result.stderr)  # with --no-input the distress box goes to standard error
    assert "Support: You don't have to carry this alone" in box
    for line in EVERY_NATION:
        assert line in box
    assert "In " in result.stderr and "contacts.region must be one of" in result.stderr


def test_the_crisis_box_with_an_unknown_nation(cli, keys, terminal, home):
    write_config(home, '[contacts]\nregion = "cornwall"\n')
    cli("checkin", "--date", days_ago(1), "--mood", "5", "--no-input", terminal=False)
    keys.send_text(checkin_keys(mood="1" + ENTER) + "y")
    result = cli("checkin")
    shown = flat(result.stdout)
    assert "Help now: Please reach out now" in shown
    for line in EVERY_NATION:
        assert line in shown


# -- Said once, in the order that helps.

def test_a_significant_incident_on_a_distressing_day_is_one_box(cli, keys, terminal):
    # A week of check-ins with no exercise: on an ordinary day R16's tip would show.
    for ago in range(6, 0, -1):
        cli("checkin", "--date", days_ago(ago), "--mood", "6", "--recovery", "nothing", "--no-input",
            terminal=False)
    keys.send_text(checkin_keys(incident="2", mood="1" + ENTER) + "n")
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert shown.count(SAMARITANS) == 1
    assert "Tip:" not in shown and "Why these?" not in shown
    # The incident's words are in the one box, with the contacts after them.
    assert shown.index("Support: You don't have to carry this alone") < shown.index(
        "Use the support around you: TRiM") < shown.index(SAMARITANS)
    assert "After a significant incident" not in shown  # no second box


def test_the_same_from_a_script(cli):
    result = cli("checkin", "--incident", "significant", "--mood", "1", "--no-input")
    assert (result.stdout + result.stderr).count(SAMARITANS) == 1


def test_a_week_four_follow_up_still_strong_lists_each_contact_once(cli, keys, terminal, db_path):
    cli("checkin", "--date", days_ago(28), "--incident", "significant", "--no-input", terminal=False)
    for ago in range(6, 0, -1):
        cli("checkin", "--date", days_ago(ago), "--mood", "6", "--recovery", "nothing", "--no-input",
            terminal=False)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO followups (id, incident_date, kind, date, skipped, created_at, updated_at) "
                 f"VALUES ('a', '{days_ago(28)}', 'day3', '{days_ago(25)}', 1, 'x', 'x')")
    conn.commit()
    conn.close()
    # Still strong: memories 3, sleep 3, avoidance 2; support 1 (low: the closing offers contacts).
    # The Enter after the support confirms it; the next skips the TRiM question.
    followup = "y" + "3" + "3" + ENTER + "2" + "1" + ENTER + ENTER
    keys.send_text(checkin_keys(mood="6" + ENTER) + followup)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "Support: Still strong after a month" in shown
    assert shown.count(SAMARITANS) == 1
    assert "Tip:" not in shown


def test_support_box_puts_24_7_lines_before_office_hours(cli):
    shown = flat(cli("checkin", "--mood", "1", "--no-input").stderr)
    order = [shown.index(name) for name in (
        "NHS 111:", "Samaritans:", "Shout:", "Your employee assistance line:", "Your GP:",
        "TRiM, your care team or a peer supporter:", "NHS Talking Therapies:")]
    assert order == sorted(order)


def test_own_contacts_stay_first_in_a_support_box(cli, home):
    write_config(home, '[[contacts.own]]\nname = "My sergeant"\nhow = "call 01632 960 001"\n')
    shown = flat(cli("checkin", "--mood", "1", "--no-input").stderr)
    assert shown.index("My sergeant: call 01632 960 001") < shown.index("NHS 111:") < shown.index("Your GP:")


def _crisis_window(cli, keys):
    """A check-in (not the first: that asks the nation and service) that answers yes to the safety question."""
    cli("checkin", "--date", days_ago(3), "--mood", "6", "--no-input", terminal=False)
    keys.send_text(checkin_keys(mood="1" + ENTER) + "y")
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    return result


def test_a_crisis_box_holds_no_sources_or_why(cli, keys, terminal):
    result = _crisis_window(cli, keys)
    assert "Why these?" not in result.stdout
    why = flat(cli("tips", "--why", terminal=False).stdout)
    assert why.startswith("Help now: Please reach out now")
    assert "Does asking about suicide" not in why and "Sources:" not in why and "Why:" not in why


def test_a_crisis_box_after_an_incident_lists_each_contact_once(cli, keys, terminal):
    cli("checkin", "--date", days_ago(3), "--mood", "6", "--no-input", terminal=False)  # not a first run
    keys.send_text(checkin_keys(incident="2", mood="1" + ENTER) + "y")
    shown = flat(cli("checkin").stdout)
    assert "Help now: Please reach out now" in shown and "After a significant incident" in shown
    assert shown.count(SAMARITANS) == 1
    assert "As well as the people listed above: Your employee assistance line" in shown


def test_the_crisis_box_says_day_and_night_only_of_lines_that_are(cli, keys, terminal, home):
    write_config(home, '[contacts]\nregion = "scotland"\n')
    shown = flat(_crisis_window(cli, keys).stdout)
    assert "free, day and night" not in shown
    assert "those marked 24/7 answer day and night" in shown
    assert "Breathing Space: call 0800 83 85 87 someone to talk to; weekdays 6 pm to 2 am" in shown


def test_no_words_promise_monitoring_or_a_reader_of_one():
    package = resources.files("resilience_cli")
    texts = [p.read_text("utf-8") for p in package.joinpath("data").iterdir() if p.name.endswith(".toml")]
    texts += [p.read_text("utf-8") for p in _python_files(package)]
    for text in texts:
        for promise in ("we will check in", "we will ask again", "readable by you alone", "we'll check in"):
            assert promise not in text.lower()


def _python_files(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _python_files(entry)
        elif entry.name.endswith(".py"):
            yield entry


def test_the_welcome_says_who_can_open_the_journal(cli, keys, terminal):
    keys.send_text(ENTER + ENTER + checkin_keys())
    shown = flat(cli("checkin").stdout)
    assert "a file only your user account can open (and whoever administers this computer)" in shown


# -- Facts, and when each was checked.

def test_every_source_and_contact_says_when_it_was_checked():
    for key, source in data("sources.toml").items():
        assert isinstance(source.get("checked"), dt.date), key
    contacts = data("contacts.toml")
    entries = [*contacts["everywhere"], *contacts["support"], *contacts["workforce"]]
    for nation in contacts["regions"].values():
        entries += [*nation.get("urgent", []), *nation.get("support", [])]
    for entry in entries:
        assert isinstance(entry.get("checked"), dt.date), entry["name"]
        assert entry.get("source"), entry["name"]


def test_the_two_miscited_sources_are_corrected(cli):
    from resilience_cli.rules.content import sources

    found = sources()
    assert found["bmc2023-investigators"].citation() == (
        "Mitchell, K. J., Gewirtz-Meydan, A., Finkelhor, D., O'Brien, J. E. and Jones, L. M. (2023), "
        "The mental health of officials who regularly examine child sexual abuse material: strategies "
        "for harm mitigation. BMC Psychiatry 23 (doi:10.1186/s12888-023-05445-w)")
    assert found["hmip-caseloads"].citation() == (
        "HM Inspectorate of Probation (2021), Caseloads, workloads and staffing levels in probation "
        "services. Research & Analysis Bulletin 2021/02, justiceinspectorates.gov.uk/hmiprobation")


def test_a_phone_number_is_shipped_only_with_its_source():
    """Every number in contacts.toml belongs to an entry that names the page it is from."""
    contacts = data("contacts.toml")
    entries = [*contacts["everywhere"], *contacts["support"], *contacts["workforce"]]
    for nation in contacts["regions"].values():
        entries += [*nation.get("urgent", []), *nation.get("support", [])]
    numbered = [e for e in entries if re.search(r"\d{3}", e["how"])]
    assert {e["name"] for e in numbered} == {
        "Emergency services", "Samaritans", "Shout", "NHS 111", "NHS 111 Wales, mental health",
        "NHS 24, mental health hub", "Breathing Space", "Lifeline"}
    # The workforce routes whose numbers no primary page we hold gives: named, with where to find them.
    workforce = {e["name"]: e["how"] for e in contacts["workforce"]}
    assert workforce["Mental Health Crisis Line for policing"].startswith("its number is on oscarkilo.org.uk")


# -- Routes that fit the service, in help-now and the support boxes.

@pytest.mark.parametrize("region,service,present,absent", [
    ("england", "police", ["Mental Health Crisis Line for policing", "Police Care UK"],
     ["HMPPS employee assistance line", "Lifelines Scotland"]),
    ("wales", "prison", ["HMPPS employee assistance line", "Your care team or a TRiM practitioner"],
     ["Police Care UK", "Your employee assistance line:", "TRiM, your care team or a peer supporter"]),
    ("england", "probation", ["HMPPS employee assistance line"], ["Mental Health Crisis Line for policing"]),
    ("scotland", "police", ["Lifelines Scotland", "Police Care UK"], ["Mental Health Crisis Line for policing"]),
    ("scotland", "prison", ["Lifelines Scotland", "Your employee assistance line:"],
     ["HMPPS employee assistance line"]),
    ("northern-ireland", "police", ["Police Care UK"], ["Mental Health Crisis Line for policing", "Lifelines"]),
    ("england", "other", ["Your employee assistance line:"], ["Police Care UK", "HMPPS", "Lifelines"]),
    # Other Scottish services (fire, ambulance) have Lifelines too; probation there is not among them.
    ("scotland", "other", ["Lifelines Scotland"], ["Police Care UK", "HMPPS"]),
    ("scotland", "probation", ["Your employee assistance line:"], ["Lifelines", "HMPPS"]),
])
def test_help_now_names_the_routes_for_the_service(cli, home, region, service, present, absent):
    write_config(home, f'[contacts]\nregion = "{region}"\n\n[work]\nservice = "{service}"\n')
    shown = flat(cli("help-now").stdout)
    for name in present:
        assert shown.count(name) == 1, name
    for name in absent:
        assert name not in shown, name


def test_the_police_crisis_line_is_in_the_crisis_box_and_support_box(cli, home):
    write_config(home, '[work]\nservice = "police"\n')
    help_box = flat(cli("help-now").stdout).split("Other support")[0]
    assert "Mental Health Crisis Line for policing: its number is on oscarkilo.org.uk/crisis-line" in help_box
    support = flat(cli("checkin", "--mood", "1", "--no-input").stderr)
    # 24/7: before the routes with office hours.
    assert support.index("Mental Health Crisis Line for policing") < support.index("Police Care UK")


# -- The pack safety check catches the common wordings.

PACK = """\
name = "check"
title = "A check"
cadence = "weekly"
attribution = "Our own words."

[[questions]]
id = "week"
text = "How was your week?"

[[questions]]
id = "other"
text = "{text}"
type = "yesno"
"""

MISSED = (
    "Have you had thoughts of death or dying?",
    "Have you felt that life is not worth living?",
    "Have you wished you could go to sleep and not wake up?",
    "Have you thought about taking an overdose?",
    "Have you felt you do not want to be here any more?",
    "Have you thought you might end it all?",
    "Have you felt others would be better off without you?",
    "Have you wanted to die?",
)
NEAR_MISSES = (
    "How often did a deadline feel impossible?",
    "Were any of your reports overdue?",
    "Did you wake up refreshed after you went to sleep?",
    "Was the extra shift worth it?",
    "Did you live up to your own standards?",
    "Did the end of the shift feel calm?",
    "Did you deal with a death at work this week?",
    "How lively was the team?",
    "Did you sleep and wake at regular times?",
)


@pytest.mark.parametrize("text", MISSED)
def test_a_pack_asking_about_suicide_in_other_words_must_say_so(cli, tmp_path, text):
    path = tmp_path / "check.toml"
    path.write_text(PACK.format(text=text))
    result = cli("pack", "add", str(path))
    assert (result.exit_code, result.stderr) == (2, (
        "In check.toml, question 2 (line 10) asks about suicide or self-harm, so it needs safety = true "
        "and a threshold: its answers are then kept like safety answers and never leave the journal, "
        "and an answer at the threshold shows where to get help now.\n"))


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_ordinary_questions(cli, tmp_path, text):
    path = tmp_path / "check.toml"
    path.write_text(PACK.format(text=text))
    result = cli("pack", "add", str(path))
    assert result.exit_code == 0, result.stderr


# -- resilience routes: the map for the nation and service, from a file a lead can adapt.

SERVICES_AND_NATIONS = [(s, n) for s in ("prison", "probation", "police", "other")
                        for n in ("england", "wales", "scotland", "northern-ireland")]
FOR_SERVICE = {
    ("police", "england"): {"police-crisis-line", "police-care-uk", "eap", "trim", "occupational-health"},
    ("police", "wales"): {"police-crisis-line", "police-care-uk", "eap"},
    ("police", "scotland"): {"lifelines-scotland", "police-care-uk", "eap"},
    ("police", "northern-ireland"): {"police-care-uk", "eap"},
    ("prison", "england"): {"hmpps-eap", "hmpps-care-team", "hmpps-occupational-health"},
    ("prison", "wales"): {"hmpps-eap", "hmpps-care-team", "hmpps-occupational-health"},
    ("prison", "scotland"): {"lifelines-scotland", "eap", "trim"},
    ("probation", "england"): {"hmpps-eap", "reflective-sessions", "hmpps-occupational-health"},
    ("probation", "scotland"): {"eap", "trim", "occupational-health"},
}
URGENT = {"england": "nhs-111-england", "wales": "nhs-111-wales", "scotland": "nhs-24",
          "northern-ireland": "lifeline"}


@pytest.mark.parametrize("service,nation", SERVICES_AND_NATIONS)
def test_routes_for_each_service_and_nation(cli, home, service, nation):
    write_config(home, f'[contacts]\nregion = "{nation}"\n\n[work]\nservice = "{service}"\n')
    result = cli("routes", "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert (found["nation"], found["service"], found["need"], found["from"]) == (
        nation, service, None, "the built-in routes")
    ids = [r["id"] for r in found["routes"]]
    assert len(ids) == len(set(ids))
    assert {"emergency", "samaritans", "shout", "gp", "union", URGENT[nation]} <= set(ids)
    assert not {URGENT[n] for n in URGENT if n != nation} & set(ids)
    assert FOR_SERVICE.get((service, nation), set()) <= set(ids)
    hmpps = service in ("prison", "probation") and nation in ("england", "wales")
    assert ("eap" in ids) is not hmpps and ("hmpps-eap" in ids) is hmpps  # said once: one EAP
    assert ("police-crisis-line" in ids) is (service == "police" and nation in ("england", "wales"))
    for route in found["routes"]:
        assert set(route) == {"id", "name", "runs_it", "how", "access", "hours", "recorded", "recorded_says",
                              "source", "checked", "needs", "nation"}
        assert route["access"] in ("self", "referral", "either", "offered")
        if route["recorded"] != "ask them":
            assert route["source"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", route["checked"]), route["id"]
    text = flat(cli("routes").stdout)
    for route in found["routes"]:
        assert f"{route['name']}: {route['how']}" in text


def test_routes_say_what_is_recorded_and_who_is_told(cli, home):
    write_config(home, '[work]\nservice = "police"\n')
    text = flat(cli("routes").stdout)
    assert text.startswith("Support routes for police officers and staff in England (the built-in routes).")
    assert ("Mental Health Crisis Line for policing: its number is on oscarkilo.org.uk/crisis-line; your "
            "Federation branch has it too Run by Oscar Kilo, the National Police Wellbeing Service, with TASC "
            "(The Ambulance Staff Charity); you can go yourself; 24/7. Recorded, and who is told: Independent "
            "of your force: no identifying information is shared with your force, your line manager or the "
            "National Police Wellbeing Service. (Oscar Kilo, the National Police Wellbeing Service, with TASC "
            "(The Ambulance Staff Charity), checked 2026-12-06.)") in text
    assert "Your GP: your surgery Run by your NHS surgery; you can go yourself; surgery hours. Recorded, and who is told: ask them." in text


def test_routes_start_from_whats_going_on(cli, home):
    write_config(home, '[contacts]\nregion = "wales"\n\n[work]\nservice = "prison"\n')
    sleep = json.loads(cli("routes", "--need", "sleep", "--format", "json").stdout)
    assert [r["id"] for r in sleep["routes"]] == ["hmpps-eap", "hmpps-occupational-health", "gp"]
    crisis = json.loads(cli("routes", "--need", "crisis", "--format", "json").stdout)
    assert [r["id"] for r in crisis["routes"]] == ["emergency", "nhs-111-wales", "samaritans", "shout"]
    peer = [r["id"] for r in json.loads(cli("routes", "--need", "peer", "--format", "json").stdout)["routes"]]
    assert peer == ["hmpps-care-team", "union"]
    text = flat(cli("routes", "--need", "leaving").stdout)
    assert text.startswith("Support routes for prison staff in Wales, for: thinking of leaving (the built-in routes).")
    refused = cli("routes", "--need", "bored")
    assert (refused.exit_code, refused.stderr) == (
        2, "--need must be one of incident, sleep, drinking, peer, leaving, crisis; 'bored' is not.\n")


def test_routes_with_an_unknown_nation_label_each_nations_own(cli, home):
    write_config(home, '[contacts]\nregion = "cornwall"\n')
    found = json.loads(cli("routes", "--format", "json").stdout)
    labelled = {r["id"]: r["nation"] for r in found["routes"] if r["nation"]}
    assert labelled["nhs-111-england"] == "England" and labelled["lifeline"] == "Northern Ireland"
    assert labelled["nhs-24"] == "Scotland" and labelled["talking-therapies"] == "England"
    assert "Support routes for your work in each nation (yours could not be read)" in flat(
        cli("routes").stdout)


def test_a_wellbeing_leads_own_routes_file(cli, home, tmp_path):
    from resilience_cli.routes import read_builtin

    adapted = read_builtin().replace('how = "the number your employer gives you"',
                                     'how = "call 01632 960 123 (our provider)"')
    home.mkdir()
    (home / "routes.toml").write_text(adapted)
    found = json.loads(cli("routes", "--format", "json").stdout)
    assert found["from"] == f"from {home / 'routes.toml'}"
    assert next(r for r in found["routes"] if r["id"] == "eap")["how"] == "call 01632 960 123 (our provider)"


BROKEN_ROUTES = [
    ('access = "self"\nhours = "24/7"\nrecorded = "ask them"\nsource = "nhs-urgent-mental-health"',
     'access = "walk-in"\nhours = "24/7"\nrecorded = "ask them"\nsource = "nhs-urgent-mental-health"',
     "In routes.toml, route 1 (line 37): access must be one of self, referral, either, offered; "
     "'walk-in' is not.\n"),
    ('name = "Shout"', 'name = "Shout"\ncolour = "blue"',
     "In routes.toml, route 7 (line 112): colour is not part of a route.\n"),
    ('recorded = "Confidential, and the number does not show on your bill; if a life is at risk they may '
     'call an ambulance."\nsource = "samaritans-contact"',
     'recorded = "Nobody is told."',
     "In routes.toml, route 6 (line 99): what is recorded needs a source, or say \"ask them\".\n"),
    ('services = ["police"]\nnations = ["england", "wales"]', 'services = ["fire"]\nnations = ["england", "wales"]',
     "In routes.toml, route 8 (line 124): services must be a list of prison, probation, police, other, any.\n"),
    ('id = "shout"', 'id = "samaritans"', "In routes.toml, route 7 (line 112): the id 'samaritans' is used twice.\n"),
    ('[needs]\n', '[needs\n', None),
]


@pytest.mark.parametrize("good,bad,message", BROKEN_ROUTES)
def test_a_broken_routes_file_is_refused_naming_its_line(cli, home, good, bad, message):
    from resilience_cli.routes import read_builtin

    text = read_builtin()
    assert good in text
    home.mkdir()
    (home / "routes.toml").write_text(text.replace(good, bad, 1))
    result = cli("routes")
    assert result.exit_code == 2 and result.stdout == ""
    if message is None:
        assert result.stderr.startswith("routes.toml is not valid TOML: ") and "(at line 29, column 7)" in result.stderr
    else:
        assert result.stderr == message
    checked = cli("routes", "--file", str(home / "routes.toml"))
    assert checked.exit_code == 2 and checked.stderr == result.stderr


def test_the_built_in_routes_cite_only_known_sources_and_name_every_workforce_contact():
    from resilience_cli.routes import parse, read_builtin
    from resilience_cli.rules.content import sources

    text = read_builtin()
    found = parse(text, "routes.toml")
    keys = {item.get("source") for item in tomllib.loads(text)["routes"]} - {None}
    assert keys <= set(sources())
    names = {r.name for r in found.routes}
    assert {c["name"] for c in data("contacts.toml")["workforce"]} <= names


# -- resilience contacts: own numbers and service, from a prompt or standard input.

def test_contacts_add_show_and_remove(cli, home):
    assert cli("contacts", "--add", "eap", input="0800 123 4567\n").exit_code == 0
    assert cli("contacts", "--add", "trim", input="01632 960 000\n").exit_code == 0
    assert cli("contacts", "--service", "prison").exit_code == 0
    shown = cli("contacts").stdout
    assert "Your service: prison (its routes: resilience routes)" in shown
    assert "  1. Your employee assistance line: call 0800 123 4567\n" in shown
    assert "  2. Your TRiM practitioner or care team: call 01632 960 000\n" in shown
    listed = json.loads(cli("config", "--format", "json").stdout)["settings"]
    assert listed["work.service"] == {"value": "prison", "from": "config file"}
    assert listed["contacts.own"]["value"] == ["Your employee assistance line", "Your TRiM practitioner or care team"]
    again = cli("contacts", "--add", "eap", input="0800 000 0000\n")
    assert (again.exit_code, again.stderr) == (2, (
        "You already have a number for your employee assistance line (1). To change it, remove it first: "
        "resilience contacts --remove 1\n"))
    assert cli("contacts", "--remove", "1").stdout == "Removed: Your employee assistance line.\n"
    assert [c["name"] for c in json.loads(cli("contacts", "--format", "json").stdout)["own"]] == [
        "Your TRiM practitioner or care team"]
    help_box = flat(cli("help-now").stdout)
    assert help_box.index("Your TRiM practitioner or care team: call 01632 960 000") < help_box.index("call 999")
    assert "TRiM, your care team or a peer supporter" not in help_box  # said once: the saved number stands in


@pytest.mark.parametrize("typed", ["ring Dave on the wing", "call me", "12", ""])
def test_contacts_take_a_phone_number_and_nothing_else(cli, home, typed):
    result = cli("contacts", "--add", "eap", input=typed + "\n")
    assert result.exit_code == 2
    assert result.stderr == ((
        "That does not look like a phone number: digits and spaces, such as 0800 123 4567 (a + at the start "
        "and an extension are fine).\n") if typed else (
        'Give the number on standard input, such as: echo "0800 123 4567" | resilience contacts --add eap. '
        "Nothing was changed.\n"))
    assert not (home / "config.toml").exists()


def test_contacts_leave_a_linked_settings_file_alone(cli, home, tmp_path):
    real = tmp_path / "dotfiles.toml"
    real.write_text('[contacts]\nregion = "wales"\n')
    home.mkdir()
    (home / "config.toml").symlink_to(real)
    result = cli("contacts", "--add", "eap", input="0800 123 4567\n")
    assert result.exit_code == 1
    assert "nothing was changed" in result.stderr and '[[contacts.own]]\nname = "Your employee assistance line"' in result.stderr
    assert real.read_text() == '[contacts]\nregion = "wales"\n' and (home / "config.toml").is_symlink()


def test_a_settings_folder_others_can_write_to_is_not_read_at_all(cli, home):
    """Nothing in a file others could have planted is trusted, the nation included."""
    home.mkdir()
    home.chmod(0o777)
    try:
        (home / "config.toml").write_text('[contacts]\nregion = "wales"\n\n[[contacts.own]]\n'
                                          'name = "Fake crisis line"\nhow = "call 0900 000 000"\n')
        shown = flat(cli("help-now").stdout)
    finally:
        home.chmod(0o700)
    assert "Fake crisis line" not in shown
    for line in EVERY_NATION:
        assert line in shown


def test_no_why_these_under_a_crisis_box_the_day_after(cli, keys, terminal):
    """Yesterday's yes keeps the crisis box up; today's "prefer not to say" leaves it there,
    and nothing about tips or sources is printed under it."""
    cli("checkin", "--date", days_ago(2), "--mood", "6", "--no-input", terminal=False)  # not a first run
    keys.send_text(checkin_keys(mood="1" + ENTER) + "y")
    assert cli("checkin", "--date", days_ago(1)).exit_code == 0
    keys.send_text(checkin_keys(mood="6" + ENTER) + "p")  # asked again, gently: prefer not to say
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "Help now: Please reach out now" in shown
    assert "Why these?" not in shown and "Sources:" not in shown


@pytest.mark.parametrize("before,after", [
    ('[contacts]\nregion = "wales"\n', '[contacts]\nregion = "wales"\n\n[work]\nservice = "police"\n'),
    ('# mine\n[work]', '# mine\n[work]\nservice = "police"\n'),
    ('[work]\nservice = "prison"  # was\n\n[rules]\nsilenced = ["R16"]\n',
     '[work]\nservice = "police"\n\n[rules]\nsilenced = ["R16"]\n'),
])
def test_the_service_is_changed_in_place_and_the_rest_kept(cli, home, before, after):
    write_config(home, before)
    assert cli("contacts", "--service", "police").exit_code == 0
    assert (home / "config.toml").read_text() == after


def test_a_day_three_follow_up_with_little_support_on_a_distressing_day(cli, keys, terminal):
    """The follow-up's closing would list the contacts, and so would the distress box: once."""
    cli("checkin", "--date", days_ago(3), "--incident", "significant", "--no-input", terminal=False)
    # Support 0: the closing offers contacts. Its Enter confirms it; the next skips TRiM.
    followup = "y" + "2" + "4" + ENTER + "1" + "0" + ENTER + ENTER
    keys.send_text(checkin_keys(mood="1" + ENTER) + "n" + followup)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "You said you have felt little support since." in shown
    assert "Support: You don't have to carry this alone" in shown
    assert shown.count(SAMARITANS) == 1
