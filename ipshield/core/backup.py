"""Backup and restore of the whole platform: the database, the evidence files and the audit head.

A backup is one directory (or .tar.gz of it) holding:
- the database: SQLite's online backup (a consistent copy while the server runs) or PostgreSQL's
  `pg_dump --format=custom`;
- `attachments/`: every evidence file, stored under its SHA-256;
- `manifest.json`: per-table row counts and checksums, the SHA-256 of every attachment, the
  signed audit-chain head, the software version and time.

`backup_verify` restores the database into a scratch place (a temporary SQLite file, or a
temporary PostgreSQL database) and compares every count, checksum and file hash with the
manifest, and the audit chain with its head; `restore` puts a backup in place of the configured
database and files, then runs the same comparison.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 - pg_dump/pg_restore with argument lists, no shell
import tarfile
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections

from ipshield.core.audit import chain_head

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"


def _tables(cursor: Any, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' ORDER BY name"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [row[0] for row in cursor.fetchall()]


def table_checksums(cursor: Any, vendor: str) -> dict[str, dict[str, Any]]:
    """Row count and a SHA-256 over every row (ordered by the first column) of every table."""
    result: dict[str, dict[str, Any]] = {}
    for table in _tables(cursor, vendor):
        if table == "ipshield_cache":
            continue  # a cache, not data
        digest = hashlib.sha256()
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # nosec B608 - table names from the catalogue
        count = 0
        while rows := cursor.fetchmany(2000):
            for row in rows:
                digest.update(repr(tuple(_plain(v) for v in row)).encode())
                count += 1
        result[table] = {"rows": count, "sha256": digest.hexdigest()}
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, memoryview | bytes):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat() if value.tzinfo else value.isoformat()
    return str(value)


def _pg_dsn(dbname: str) -> str:
    from psycopg.conninfo import make_conninfo

    config = connection.settings_dict
    return make_conninfo(
        host=config["HOST"] or "127.0.0.1",
        port=str(config["PORT"] or 5432),
        user=config["USER"] or "postgres",
        password=config.get("PASSWORD") or "",
        dbname=dbname,
    )


def live_checksums() -> dict[str, dict[str, Any]]:
    """Checksums of the configured database, read through a plain driver connection (no Django
    type conversion), exactly as a restored copy is read."""
    if connection.vendor == "sqlite":
        plain = sqlite3.connect(f"file:{connection.settings_dict['NAME']}?mode=ro", uri=True)
        try:
            return table_checksums(plain.cursor(), "sqlite")
        finally:
            plain.close()
    import psycopg  # only on PostgreSQL deployments

    with psycopg.connect(_pg_dsn(connection.settings_dict["NAME"])) as pg:
        return table_checksums(pg.cursor(), "postgresql")


def attachment_hashes(root: Path) -> dict[str, str]:
    hashes = {}
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            hashes[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _pg_env(alias: str = "default") -> tuple[list[str], dict[str, str]]:
    config = connections[alias].settings_dict
    args = ["-h", config["HOST"] or "127.0.0.1", "-p", str(config["PORT"] or 5432), "-U", config["USER"] or "postgres"]
    env = {**os.environ, "PGPASSWORD": config.get("PASSWORD") or ""}
    return args, env


def backup(target: Path) -> dict[str, Any]:
    """Write a backup into the directory `target` (created); return its manifest."""
    target.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    checksums = live_checksums()
    if vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / SQLITE_FILE)
        with destination:
            connection.connection.backup(destination)
        destination.close()
    else:
        args, env = _pg_env()
        name = connection.settings_dict["NAME"]
        subprocess.run(  # nosec B603 B607 - fixed program, argument list
            ["pg_dump", *args, "--format=custom", "--no-owner", "-f", str(target / PG_FILE), name],
            check=True,
            env=env,
        )
    files_root = Path(settings.ATTACHMENT_ROOT)
    if files_root.exists():
        shutil.copytree(files_root, target / "attachments")
    manifest = {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": vendor,
        "tables": checksums,
        "attachments": attachment_hashes(files_root),
        "audit_head": chain_head(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def archive(directory: Path) -> Path:
    """The backup directory as one .tar.gz beside it."""
    path = directory.with_suffix(".tar.gz")
    with tarfile.open(path, "w:gz") as tar:
        tar.add(directory, arcname=directory.name)
    return path


@contextmanager
def opened(source: Path) -> Iterator[Path]:
    """A backup directory from a directory or a .tar.gz (extracted to a temporary place)."""
    if source.is_dir():
        yield source
        return
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(source, "r:gz") as tar:
        tar.extractall(scratch, filter="data")
        (inner,) = list(Path(scratch).iterdir())
        yield inner


def _compare(manifest: dict[str, Any], checksums: dict[str, Any], files: dict[str, str]) -> list[str]:
    problems = []
    for table, expected in manifest["tables"].items():
        found = checksums.get(table)
        if found != expected:
            problems.append(f"table {table}: expected {expected}, found {found}")
    if files != manifest["attachments"]:
        missing = set(manifest["attachments"]) - set(files)
        changed = {k for k in manifest["attachments"] if k in files and files[k] != manifest["attachments"][k]}
        problems.append(f"attachments differ: {len(missing)} missing, {len(changed)} changed")
    return problems


def backup_verify(source: Path) -> list[str]:
    """Restore into a scratch database and compare with the manifest; [] when identical."""
    with opened(source) as directory:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        files = attachment_hashes(directory / "attachments")
        if manifest["database"] == "sqlite":
            scratch = sqlite3.connect(directory / SQLITE_FILE)
            try:
                cursor = scratch.cursor()
                checksums = table_checksums(cursor, "sqlite")
                cursor.execute("SELECT hash FROM core_auditevent WHERE id = ?", [manifest["audit_head"]["sequence"]])
                row = cursor.fetchone()
            finally:
                scratch.close()
            head = manifest["audit_head"]
            chain = [] if not head["sequence"] or (row and row[0] == head["hash"]) else ["audit head missing"]
            return _compare(manifest, checksums, files) + chain
        return _verify_postgresql(directory, manifest, files)


def _verify_postgresql(directory: Path, manifest: dict[str, Any], files: dict[str, str]) -> list[str]:
    import psycopg  # only on PostgreSQL deployments

    args, env = _pg_env()
    scratch = f"ipshield_verify_{uuid.uuid4().hex[:10]}"
    dsn = _pg_dsn
    with psycopg.connect(dsn("postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE \"{scratch}\" TEMPLATE template0 ENCODING 'UTF8'")  # nosec B608
    try:
        subprocess.run(  # nosec B603 B607 - fixed program, argument list
            ["pg_restore", *args, "--no-owner", "-d", scratch, str(directory / PG_FILE)], check=True, env=env
        )
        with psycopg.connect(dsn(scratch)) as restored:
            cursor = restored.cursor()
            checksums = table_checksums(cursor, "postgresql")
            head = manifest["audit_head"]
            cursor.execute("SELECT hash FROM core_auditevent WHERE id = %s", [head["sequence"]])
            row = cursor.fetchone()
        chain = [] if not head["sequence"] or (row and row[0] == head["hash"]) else ["audit head missing"]
        return _compare(manifest, checksums, files) + chain
    finally:
        with psycopg.connect(dsn("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}"')  # nosec B608


def restore(source: Path) -> list[str]:
    """Replace the configured database and evidence files with a backup, then compare with its
    manifest. The server must be stopped. Returns the problems found ([] when identical)."""
    with opened(source) as directory:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        if manifest["database"] != connection.vendor:
            return [f"this backup is of {manifest['database']}, the configured database is {connection.vendor}"]
        connection.close()
        if connection.vendor == "sqlite":
            database = Path(connection.settings_dict["NAME"])
            for suffix in ("-wal", "-shm"):
                Path(str(database) + suffix).unlink(missing_ok=True)
            shutil.copyfile(directory / SQLITE_FILE, database)
        else:
            args, env = _pg_env()
            subprocess.run(  # nosec B603 B607 - fixed program, argument list
                ["pg_restore", *args, "--clean", "--if-exists", "--no-owner", "-d", connection.settings_dict["NAME"],
                 str(directory / PG_FILE)],
                check=True,
                env=env,
            )  # fmt: skip
        files_root = Path(settings.ATTACHMENT_ROOT)
        if (directory / "attachments").exists():
            shutil.rmtree(files_root, ignore_errors=True)
            shutil.copytree(directory / "attachments", files_root)
        return _compare(manifest, live_checksums(), attachment_hashes(files_root))
