"""Pure: patterns in recent check-ins -> tips and signposts (DOMAIN.md, R1-R21).

`engine` holds the rules and their priority, `thresholds` every number they use
(overridable in config.toml), `content` the words from data/tips.toml. Kept
apart so that reading settings at start-up does not load the engine.
"""
