"""Alembic environment for verify.

``verify.store.db.upgrade`` hands in an open connection (``config.attributes["connection"]``) inside a
transaction it holds a lock on; the ``alembic`` command line opens the database through verify, so the
same URL rules and connection settings apply either way.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from verify.store.tables import Base

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _configure(**kw) -> None:
    # render_as_batch is passed for SQLite, which cannot ALTER most things: batch mode rebuilds the table
    context.configure(target_metadata=target_metadata, compare_type=True, **kw)


def run_offline() -> None:
    from verify.config import database_url

    url = config.get_main_option("sqlalchemy.url") or database_url()
    _configure(url=url, literal_binds=True, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        return

    from verify.config import database_url
    from verify.store.db import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or database_url())
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as connection:
            if sqlite:
                # as in verify.store.db.migrate: a batch table copy must not cascade-delete
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
            try:
                _configure(connection=connection, render_as_batch=sqlite)
                with context.begin_transaction():
                    context.run_migrations()
            finally:
                if sqlite:
                    connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
