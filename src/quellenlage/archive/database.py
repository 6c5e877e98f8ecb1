"""Opening an archive database: URL handling, SQLite settings, and migrations run on open."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, String, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from quellenlage.errors import InputError

DEFAULT_DB_URL = "sqlite:///quellenlage.db"
MIGRATIONS = Path(__file__).with_name("migrations")
SUPPORTED = ("sqlite", "postgresql")
DRIVERS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg",)}  # the drivers installed
URL_FORMS = ("use sqlite:///FILE.db (or a plain path) or "
             "postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
PASSWORD_IN_URL = re.compile(r"(://[^/:@\s]*:)[^/@\s]*@")
WRITE_OPTION = "quellenlage_write"  # execution option of connections that will write


class EncodedJSON(str):
    """JSON text encoded elsewhere (in a worker process): stored as it is, not encoded again."""


def _json_serializer(value: Any) -> str:
    # json.dumps with its defaults is what SQLAlchemy itself would write.
    return value if isinstance(value, EncodedJSON) else json.dumps(value)


def writing(engine: Engine) -> Engine:
    """The engine for write transactions (same pool; SQLite takes the write lock at BEGIN)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def parse_url(url: str) -> URL:
    """A database URL; a plain path means an SQLite file, `postgresql://` uses psycopg 3.
    A URL in error messages never shows its password."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{shown_url(url)} is not a database URL ({reason}); {URL_FORMS}"
                         ) from None
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise InputError(f"{shown_url(parsed)}: unsupported database {backend!r}; {URL_FORMS}")
    driver = parsed.get_driver_name()
    if driver not in DRIVERS[backend]:
        raise InputError(f"{shown_url(parsed)}: the driver {driver!r} is not supported; "
                         f"{URL_FORMS}")
    if backend == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def shown_url(url: str | URL) -> str:
    """A database URL as printed: its password masked, also where it does not parse."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return PASSWORD_IN_URL.sub(r"\1***@", url)


def database_reason(error: BaseException) -> str:
    """What the database (or the system) said, in one line."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError) and original.strerror:
        reason = original.strerror
    else:
        reason = str(original).strip() or type(original).__name__
    return reason.splitlines()[0]


def create_archive_engine(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, json_serializer=_json_serializer)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if url.query.get("uri") == "true" and database.startswith("file:"):
        database = database.removeprefix("file:").split("?")[0]  # sqlite:///file:x.db?mode=ro
    if database and database != ":memory:":
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise InputError(f"{database}: folder {folder} does not exist")
    in_memory = database in ("", ":memory:")
    read_only = None if in_memory or url.query.get("uri") == "true" else _read_only_uri(database)
    engine = create_engine(
        url,
        # the pool hands a connection to one thread at a time, whichever thread it is
        connect_args={"timeout": 30, "check_same_thread": False},
        json_serializer=_json_serializer,
        # An in-memory database exists once per connection: every user must share that one.
        poolclass=StaticPool if in_memory else None,
        **({"creator": lambda: sqlite3.connect(read_only, uri=True, timeout=30,
                                               check_same_thread=False)}
           if read_only else {}),
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy own transactions (pysqlite's implicit BEGIN would defer locking).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers never block the writer; NORMAL sync keeps every committed article
        # through a crash of the process (only a power loss may lose the last commits).
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()
        dbapi_connection.create_function(
            _SQLITE_CASEFOLD, 1, _python_casefold, deterministic=True
        )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # Writers take the write lock at the start, so two writers queue instead of failing
        # mid-way; readers must not take it (they would stall the writer).
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


def _read_only_uri(database: str) -> str | None:
    """An SQLite URI that opens an archive this process may only read, or None when it may
    write it (or it does not exist yet). SQLite reads a WAL database through a -shm file
    beside it: where that cannot be made (a folder without write permission), the file is
    opened as immutable, which needs none."""
    path = Path(database).expanduser()
    if not path.is_file() or os.access(path, os.W_OK):
        return None
    shared_memory = path.with_name(path.name + "-shm")
    immutable = not shared_memory.exists() and not os.access(path.parent, os.W_OK)
    return f"file:{quote(str(path.resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (creating it when empty). Only a database that
    needs it is written: an archive at the newest schema opens read-only (a file without write
    permission, a read-only mount, `?mode=ro`)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    newest = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == newest:
        return
    with writing(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class casefold(FunctionElement[str]):
    """Case-insensitive comparison of names in SQL, as Python's str.casefold() does it.

    SQLite's lower() folds ASCII letters only ("Ärztekammer" would keep its "Ä"), so SQLite
    connections get Python's casefold as a function; PostgreSQL's lower() folds every letter,
    and "ß" becomes "ss" as in casefold."""

    type = String()
    inherit_cache = True


_SQLITE_CASEFOLD = "quellenlage_casefold"


def _python_casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


@compiles(casefold, "sqlite")
def _casefold_sqlite(element: casefold, compiler: SQLCompiler, **options: Any) -> str:
    return f"{_SQLITE_CASEFOLD}({compiler.process(element.clauses, **options)})"


@compiles(casefold)
def _casefold_other(element: casefold, compiler: SQLCompiler, **options: Any) -> str:
    return f"replace(lower({compiler.process(element.clauses, **options)}), 'ß', 'ss')"
