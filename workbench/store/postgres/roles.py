"""The two group roles a team grants: editors change engagements, viewers (the steering committee) only
read. The database itself refuses a viewer's write, whatever program the viewer connects with.

Run once by the database's administrator (the owner of the `crmwb` schema, who also runs migrations);
then each person gets a login role that is a member of one group, e.g. `CREATE ROLE anna LOGIN IN ROLE
crmwb_viewer`. Default privileges make tables that later migrations add follow the same grants.
"""

from __future__ import annotations

from workbench.i18n import _
from workbench.store.postgres.address import SCHEMA, check_address, import_psycopg, redacted
from workbench.store.postgres.schema import migrate
from workbench.store.sqlite_store import StoreError

EDITOR = "crmwb_editor"
VIEWER = "crmwb_viewer"


def grant_roles(address: str, editor: str = EDITOR, viewer: str = VIEWER) -> None:
    """Create the editor and viewer group roles if missing (NOLOGIN) and grant them the team store."""
    psycopg = import_psycopg()
    from psycopg import sql

    params = check_address(address)
    schema, ed, vw = sql.Identifier(SCHEMA), sql.Identifier(editor), sql.Identifier(viewer)
    statements = [
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}, {}").format(schema, ed, vw),
        sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, vw),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(schema, ed),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE ON {}.schema_version FROM {}").format(schema, ed),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, ed),
        sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT ON TABLES TO {}").format(schema, vw),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}"
        ).format(schema, ed),
        sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT USAGE, SELECT ON SEQUENCES TO {}").format(
            schema, ed
        ),
    ]
    try:
        with psycopg.connect(**params, autocommit=True) as conn:
            migrate(conn)
            with conn.transaction():
                for role in (editor, viewer):
                    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
                        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                for statement in statements:
                    conn.execute(statement)
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StoreError(
            _(
                "setting up the team roles at {address} needs the administrator of the database "
                "(who may create roles and owns schema {schema}): {reason}"
            ).format(address=redacted(address), schema=SCHEMA, reason=str(exc).strip())
        ) from None


def add_members(address: str, members: list[tuple[str, str]]) -> None:
    """Make each existing login role a member of its group: [(login, group role)]. A login that does not
    exist is refused by name: creating logins (and their passwords or peer mapping) is the administrator's."""
    psycopg = import_psycopg()
    from psycopg import sql

    params = check_address(address)
    try:
        with psycopg.connect(**params, autocommit=True) as conn, conn.transaction():
            for login, group in members:
                if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone() is None:
                    raise StoreError(
                        _("no database role {login!r} at {address}; expected an existing login role").format(
                            login=login, address=redacted(address)
                        )
                    )
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(login)))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StoreError(
            _(
                "adding members to the team roles at {address} needs the administrator of the database: "
                "{reason}"
            ).format(address=redacted(address), reason=str(exc).strip())
        ) from None
