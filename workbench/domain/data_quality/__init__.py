"""Data quality of a legacy customer export, as pure logic: which columns hold which field, what a valid
phone, e-mail or date is, how names are folded so spelling variants meet, and how duplicate records are
found (blocking, scoring, clusters) and source and target exports reconciled. No I/O: `loading/` reads the
files, `writers/` writes the workbook, `app/data_audit.py` ties them together."""
