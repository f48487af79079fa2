"""Alembic environment: runs on the connection Casefile hands over (no ini file needed)."""

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.schema import SchemaItem
from sqlmodel import SQLModel

from casefile.store import models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from pathlib import Path

        from casefile.store.engine import make_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None or not url.startswith("sqlite:///"):
            raise RuntimeError("no connection handed over and no sqlite:/// url configured")
        engine = make_engine(Path(url.removeprefix("sqlite:///")))  # DDL in a transaction
        try:
            with engine.begin() as conn:
                _migrate(conn)
        finally:
            engine.dispose()
    else:
        _migrate(connection)


def _include(obj: SchemaItem, name: str | None, type_: str, reflected: bool,
             compare_to: SchemaItem | None) -> bool:
    # The search index is a virtual table managed by casefile.store.search, not by Alembic.
    return not (type_ == "table" and name and name.startswith("search_index"))


def _migrate(connection: Connection) -> None:
    # The connection comes inside a transaction of Casefile's engine, which BEGINs itself
    # (casefile.store.engine), so every statement of the upgrade — DDL included — commits
    # together or not at all: SQLite's DDL is transactional, whatever Alembic assumes of it.
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True, include_object=_include,
                      transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


run()
