"""`permissions.csv`: the matrix in long form (one granted right per line) for any tool that reads CSV.

Columns: role, object, action, scope, then the role's and object's names in the export language. UTF-8
with a byte-order mark, so Excel shows Persian and Russian names right; text that looks like a formula is
neutralised (spreadsheet.csv_safe). Cells with scope 'none' are left out: a right not listed is not held.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.domain.matrix import permission_matrix
from workbench.writers.atomic import write_bytes_atomic
from workbench.writers.context import ExportContext
from workbench.writers.spreadsheet import csv_safe

COLUMNS = ("role", "object", "action", "scope", "role_name", "object_name")


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    matrix = permission_matrix(ctx.playbook, ctx.lang)
    role_names = {row.role: row.name for row in matrix.rows}
    object_names = {obj.id: obj.name for obj in matrix.objects}
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(COLUMNS)
    for role, obj, action, scope in matrix.grants():
        out.writerow([csv_safe(v) for v in (role, obj, action, scope, role_names[role], object_names[obj])])
    target = Path(folder) / "permissions.csv"
    write_bytes_atomic(target, buffer.getvalue().encode("utf-8-sig"))
    return [target]
