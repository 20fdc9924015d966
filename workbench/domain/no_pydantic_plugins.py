"""Pydantic runs no plugins in the workbench, and never looks for any.

Pydantic looks for plugins (the `pydantic` entry-point group) the first time it builds a validator: it
imports `importlib.metadata` (and with it `email`, `socket`...) and reads the metadata of every installed
distribution: about 12 ms of the 0.47 s `crmwb open` takes to its first screen, spent on a search whose
only possible finds are packages that would hook into the validation of a client's playbook and answers
(a tracing plugin, for one, sends what it sees over the network; the workbench promises no network).

So the module pydantic reads its plugins from is replaced, before any model is built, by one that has
none. It is pydantic's private module (`pydantic.plugin._loader`, its one function `get_plugins`), so the
dependency is pinned in requirements.lock, and tests/app/test_cached_crm_names.py fails if a pydantic
upgrade moves the lookup: a fresh process that re-opens an engagement must not import
`importlib.metadata`, and must have found no plugins.
"""

from __future__ import annotations

import sys
from types import ModuleType

PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugins() -> tuple[()]:
    return ()


def keep_pydantic_plugins_out() -> None:
    """Install the plugin-free loader, unless pydantic has loaded its own already (then it has looked,
    and replacing it would change nothing)."""
    if PLUGIN_LOADER in sys.modules:
        return
    loader = ModuleType(PLUGIN_LOADER, "pydantic's plugin loader, with no plugins (workbench.domain)")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[PLUGIN_LOADER] = loader
