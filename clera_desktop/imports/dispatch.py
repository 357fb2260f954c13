"""Which importer reads a file, for the command line and the window alike: check, then import."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from clera_desktop.imports import activities_csv, fx_csv, prices_csv

Preview = activities_csv.ActivitiesPreview | prices_csv.PricesPreview | fx_csv.RatesPreview


class ImportKind(StrEnum):
    ACTIVITIES = "activities"
    PRICES = "prices"
    FX = "fx"

    @property
    def noun(self) -> str:
        return {"activities": "activities", "prices": "daily prices", "fx": "exchange rates"}[self.value]


def preview_file(session: Session, kind: ImportKind, data: bytes, *, today: date) -> Preview:
    """Read and check ``data`` against the store; nothing is written."""
    if kind is ImportKind.ACTIVITIES:
        return activities_csv.preview_against_store(session, activities_csv.parse_activities(data, today=today))
    if kind is ImportKind.PRICES:
        return prices_csv.preview_prices_against_store(session, prices_csv.parse_prices(data, today=today))
    return fx_csv.parse_rates(data, today=today)


def import_preview(session: Session, preview: Preview, *, source: str, now: datetime,
                   good_lines_only: bool = False) -> int:
    """Write a checked preview in the caller's transaction (all of it, or its good lines when asked)."""
    if isinstance(preview, activities_csv.ActivitiesPreview):
        return activities_csv.import_activities(session, preview, source=source, now=now, good_lines_only=good_lines_only)
    if isinstance(preview, prices_csv.PricesPreview):
        return prices_csv.import_prices(session, preview, good_lines_only=good_lines_only)
    return fx_csv.import_rates(session, preview, good_lines_only=good_lines_only)
