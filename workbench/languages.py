"""The languages the product speaks, said once: English (the source), Persian (right to left) and Russian.

A module of its own, without imports, so the lightest paths (`crmwb --help`, the message catalogue) can
know the languages without loading the playbook models.
"""

LANGUAGES = ("en", "fa", "ru")
RTL_LANGUAGES = frozenset({"fa"})
LANGUAGE_NAMES = {"en": "English", "fa": "فارسی", "ru": "Русский"}
"""each language in its own script, as language pickers show them (a reader finds their language
whatever the interface speaks)"""
