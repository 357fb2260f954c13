"""The window's views, in the navigation's order: each one's key (also its icon's name), its title
(in English, shown through ``ui.i18n.tr``) and the module under ``ui/views`` that builds
it on the app's services with ``build(services)``.

A new view is a module with a ``build`` function (a view that loads itself on the changes it
watches: ui/refresh.SelfLoading) and one line here. The Accounts view is built with the window, to
paint the last session's accounts before the store opens; the others once it is open.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clera_desktop.ui.i18n import translatable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clera_desktop.services.app import AppServices


@dataclass(frozen=True, slots=True)
class ViewSpec:
    key: str
    title: str
    module: str | None  # under clera_desktop.ui.views; None: built with the window (Accounts)


VIEWS = (
    ViewSpec("dashboard", translatable("Dashboard"), "dashboard_view"),
    ViewSpec("accounts", translatable("Accounts"), None),
    ViewSpec("holdings", translatable("Holdings"), "holdings_view"),
    ViewSpec("allocation", translatable("Allocation"), "allocation_view"),
    ViewSpec("performance", translatable("Performance"), "performance_view"),
    ViewSpec("gains", translatable("Gains"), "gains_view"),
    ViewSpec("income", translatable("Income"), "income_view"),
    ViewSpec("trade", translatable("Trade"), "trade_view"),
    ViewSpec("orders", translatable("Orders"), "orders_view"),
    ViewSpec("connect", translatable("Connect"), "connect_view"),
)

#: Each view's title by key, in English (shown through ``tr``).
TITLES = {spec.key: spec.title for spec in VIEWS}


def import_view_modules() -> None:
    """Load every view's module (a worker thread does, while the store opens: the slow part)."""
    for spec in VIEWS:
        if spec.module is not None:
            importlib.import_module(f"clera_desktop.ui.views.{spec.module}")


def build_views(services: AppServices) -> dict[str, QWidget]:
    """Every view but Accounts, built on ``services`` (on the GUI thread)."""
    return {spec.key: importlib.import_module(f"clera_desktop.ui.views.{spec.module}").build(services)
            for spec in VIEWS if spec.module is not None}
