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
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("no connection handed over and no sqlalchemy.url configured")
        engine = create_engine(url)
        with engine.begin() as conn:
            _migrate(conn)
    else:
        _migrate(connection)


def _include(obj: SchemaItem, name: str | None, type_: str, reflected: bool,
             compare_to: SchemaItem | None) -> bool:
    # The search index is a virtual table managed by casefile.store.search, not by Alembic.
    return not (type_ == "table" and name and name.startswith("search_index"))


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True, include_object=_include)
    with context.begin_transaction():
        context.run_migrations()


run()
