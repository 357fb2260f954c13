"""Runs one sync in a child process (the kill test kills it part-way): ``python -m tests.sync.sync_child INFO DIR``."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from clera_desktop.core.settings import load_settings
from clera_desktop.demo import connect_to_sandbox
from clera_desktop.models.engine import Database
from clera_desktop.providers.registry import build_registry
from clera_desktop.sync.service import SyncService


def main() -> None:
    info = json.loads(Path(sys.argv[1]).read_text())
    # the parent test sets CLERA_TODAY: this child plays the same day
    settings = load_settings(data_dir=Path(sys.argv[2]), environ={"CLERA_TODAY": os.environ["CLERA_TODAY"]})
    database = Database(settings.database_url)
    settings, credentials, secrets = connect_to_sandbox(settings, database, info)
    registry = build_registry(settings, credentials, secrets, database)
    asyncio.run(SyncService(database, registry.for_sync(), settings, fx=registry.fx).sync_all())
    print("finished", flush=True)


if __name__ == "__main__":
    main()
