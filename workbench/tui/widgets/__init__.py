"""Reusable widgets: they present and collect, and post messages; the screens act on them."""
