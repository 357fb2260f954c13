"""Screenshots of every view on the demo, light and dark, at the sizes people use.

    python tools/screenshots.py [--out DIR] [--size 1600x1000 --size 1024x700] [--theme light --theme dark]

Offscreen (no display needed). The demo's stream is still (no ticks), a manual account in CHF is
added, history is rebuilt, then each view is shown and grabbed: ``DIR/<theme>-<size>-<view>.png``.
Look at them: what a person sees is the product.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

VIEWS = ("dashboard", "accounts", "holdings", "allocation", "performance", "gains", "income", "trade", "orders", "connect")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--size", action="append", default=[])
    parser.add_argument("--theme", action="append", choices=["light", "dark"], default=[])
    parser.add_argument("--view", action="append", choices=VIEWS, default=[])
    parser.add_argument("--language", default="", help="a locale such as de_DE: its numbers and translation")
    parser.add_argument("--dialogs", action="store_true", help="also the import dialog and a manual buy's warning")
    parser.add_argument("--db", default=None, metavar="URL",
                        help="the demo in this (empty) database, e.g. a shared book on PostgreSQL")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in s.split("x")) for s in (args.size or ["1600x1000", "1024x700"])]
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QLocale, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if args.language:
        from clera_desktop.ui.i18n import install_translations

        QLocale.setDefault(QLocale(args.language))
        install_translations(app, QLocale(args.language))
    from clera_desktop.app import build_context
    from clera_desktop.core.settings import load_settings
    from clera_desktop.ui.event_loop import create_event_loop
    from clera_desktop.ui.main_window import MainWindow
    from clera_desktop.ui.palette import dark_palette

    loop = create_event_loop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory(prefix="clera-shots-") as folder:
        settings = load_settings(data_dir=Path(folder), database_url=args.db, environ={}, demo=True)
        context = build_context(settings, sandbox_args=["--tick-rate", "0"])
        try:
            window = MainWindow(context.services)
            window.show()
            loop.run_until_complete(_prepare(window))
            written = []
            for theme in args.theme or ["light", "dark"]:
                app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
                for width, height in sizes:
                    window.resize(width, height)
                    for name in args.view or VIEWS:
                        window.show_view(window.views[name])
                        loop.run_until_complete(_settle(window))
                        prefix = f"{args.language}-" if args.language else ""
                        path = args.out / f"{prefix}{theme}-{width}x{height}-{name}.png"
                        window.grab().save(str(path))
                        written.append(path)
                if "trade" in (args.view or VIEWS):
                    path = args.out / f"{prefix}{theme}-sell-review.png"
                    loop.run_until_complete(_grab_sell_review(window, path))
                    written.append(path)
                if args.dialogs:
                    for name, grab in (("import", _grab_import), ("manual-warning", _grab_manual_warning)):
                        path = args.out / f"{prefix}{theme}-{name}.png"
                        loop.run_until_complete(grab(window, path, Path(folder)))
                        written.append(path)
            print("\n".join(str(p) for p in written))
            window.close()
        finally:
            context.close()
            loop.close()  # and its executor's threads (the import dialog read its file on one)
    return 0


async def _prepare(window) -> None:  # type: ignore[no-untyped-def]
    services = window.services
    await window.reload()
    await window.sync_now()
    await window.update_history()
    today = services.settings.clock.today()
    changes = await services.manual.create_account("Pension (manual)", "CHF")
    account = next(iter(changes.accounts))
    day = (today - timedelta(days=400)).isoformat()
    for cells in ({"date": day, "type": "DEPOSIT", "amount": "20000"},
                  {"date": day, "type": "BUY", "symbol": "AAPL", "quantity": "10", "price": "150", "fee": "9.95"}):
        await services.manual.save_activity(account, {**cells, "currency": "CHF"})
    await window.update_history()
    await services.history.choose_benchmark("SPY 60, AGG 40")  # Performance draws it beside the return
    await services.live.refresh_book()
    await window.reload()
    await _choose_a_lotted_holding(window)


async def _choose_a_lotted_holding(window) -> None:  # type: ignore[no-untyped-def]
    """Holdings with an account row chosen, so its lots show under the tree."""
    view = window.holdings_view
    window.show_view(view)
    await window.settled()
    model = view.model
    for row in range(model.rowCount()):
        if len(model.visible_rows[row].accounts) > 1:
            parent = model.index(row, 0)
            view.tree.expand(parent)
            view.tree.setCurrentIndex(model.index(0, 0, parent))
            break
    for _ in range(40):
        if view.lots.holding is not None:
            break
        await asyncio.sleep(0.05)


async def _grab_sell_review(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The confirmation of a sale in the Clera account: its lots and estimated gain."""
    from clera_desktop.models.enums import OrderSide

    view = window.trade_view
    snapshot = await window.services.book.holdings()
    symbol = next(r.symbol for r in snapshot.rows for a in r.accounts if a.account_name.startswith("Clera") and a.quantity >= 5)
    window.open_ticket(symbol)
    for _ in range(100):
        if view.facts_ready() and view.ticket() is not None:
            break
        await asyncio.sleep(0.05)
    index = next(i for i in range(view.account.count()) if view.account.itemText(i).startswith("Clera"))
    view.account.setCurrentIndex(index)
    view.account.activated.emit(index)
    await asyncio.sleep(0.5)
    view.side.setCurrentIndex(view.side.findData(OrderSide.SELL))
    view.amount.setText("5")
    view.confirm_dialog = None
    view.review_button.click()
    for _ in range(100):
        if view.confirm_dialog is not None and view.confirm_dialog.isVisible():
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)
    view.confirm_dialog.grab().save(str(path))
    view.confirm_dialog.reject()


async def _grab_import(window, path: Path, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """File › Import CSV with a path typed and Enter pressed: the preview, one line refused."""
    csv = folder / "activities.csv"
    csv.write_text("date,account,type,symbol,quantity,price,amount\n"
                   "2026-03-02,Pension (manual),DEPOSIT,,,,5000\n"
                   "2026-03-03,Pension (manual),BUY,MSFT,4,401.10,\n"
                   "2026-13-01,Pension (manual),BUY,AAPL,1,190,\n", encoding="utf-8")
    window.open_import()
    dialog = window.import_dialog
    dialog.path.setText(str(csv))
    dialog.path.returnPressed.emit()
    for _ in range(100):
        if dialog._preview is not None:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)
    dialog.grab().save(str(path))
    dialog.reject()


async def _grab_manual_warning(window, path: Path, _folder: Path) -> None:  # type: ignore[no-untyped-def]
    """A manual buy beyond the account's cash: the form warns before it saves (Save anyway)."""
    from clera_desktop.models.enums import ActivityType

    names = await window.services.book.account_names()
    account_id = next(i for i, name in names if name.startswith("Pension"))
    accounts = window.accounts_view
    window.show_view(accounts)
    await accounts.open_account(account_id)
    detail = accounts.detail
    detail.open_activity_form(None)
    for _ in range(100):
        if getattr(detail, "activity_dialog", None) is not None and detail.activity_dialog.isVisible():
            break
        await asyncio.sleep(0.05)
    dialog = detail.activity_dialog
    dialog.type.setCurrentIndex(dialog.type.findData(ActivityType.BUY.name))
    for key, value in (("symbol", "NVDA"), ("quantity", "200"), ("price", "180")):
        dialog.cells[key].setText(value)
    dialog.save_button.click()
    for _ in range(100):
        if dialog.message.text():
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)
    dialog.grab().save(str(path))
    dialog.reject()


async def _settle(window) -> None:  # type: ignore[no-untyped-def]
    await window.settled()
    for _ in range(10):  # a few turns of the loop: charts draw on the next frame
        window.dashboard_view.render_if_changed()
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
