"""Typed models and pure logic. Nothing here reads files, prints or imports Textual."""
