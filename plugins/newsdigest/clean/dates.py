"""The build's date ledger (``content/dates.yml``): read once per build by the story
readers, written at the end when an undated story was dated for the first time."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from newsdigest.core.dates import DateLedger
from newsdigest.core.settings import setting

logger = logging.getLogger(__name__)
_ledgers: dict[int, DateLedger] = {}  # id(settings) -> this build's ledger


def ledger_for(settings: dict[str, Any]) -> DateLedger:
    if id(settings) not in _ledgers:
        ledger = DateLedger.in_folder(
            Path(settings["PATH"]), setting(settings, "NEWSDIGEST_DATES_FILE")
        )
        if ledger.problem:
            logger.warning("%s", ledger.problem)
        _ledgers[id(settings)] = ledger
    return _ledgers[id(settings)]


def save_ledger(pelican: Any) -> None:
    ledger = _ledgers.pop(id(pelican.settings), None)
    if ledger is None:
        return
    added = len(ledger.added)
    if ledger.save():
        logger.info(
            "newsdigest: %d undated stories dated and kept in %s; commit it so "
            "their dates and feed ids never change",
            added,
            ledger.path,
        )
