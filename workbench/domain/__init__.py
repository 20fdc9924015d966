"""Typed models and pure logic. Nothing here reads files, prints or imports Textual."""

from workbench.domain.no_pydantic_plugins import keep_pydantic_plugins_out

keep_pydantic_plugins_out()
