"""Engagement persistence: the engagement folder (engagement.yaml) and the task/KPI state store (SQLite)."""
