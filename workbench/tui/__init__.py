"""The Textual workbench. Screens and widgets only present and collect: every change goes through the
same store and domain functions the CLI uses (see session.py)."""
