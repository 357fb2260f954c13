"""Connecting from the window: the SnapTrade portal and Plaid Link inside the embedded web view,
the Alpaca dialog, and repairing a broken connection."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from clera_desktop.app import AppContext
from clera_desktop.ui.main_window import MainWindow
from tests.sandbox.conftest import demo_user, snaptrade_client
from tests.ui.conftest import evaluate, showing, wait_for


async def _portal_ready(window: MainWindow) -> Any:
    """The page of the portal the flow just opened (not one left over from an earlier attempt)."""
    previous = getattr(window.connect_view, "portal", None)
    await wait_for(lambda: getattr(window.connect_view, "portal", None) not in (None, previous))
    page = window.connect_view.portal.page
    await wait_for(lambda: "redeemToken" in page.url().toString() or "hosted" in page.url().toString())
    for _ in range(200):
        if await evaluate(page, "!!document.getElementById('connect') || !!document.getElementById('continue')"):
            return page
        await asyncio.sleep(0.05)
    raise TimeoutError("portal page never became ready")


def _sign_in(broker: str, password: str, username: str = "me") -> str:
    return (f"(function () {{ document.querySelector('[data-slug={broker}]').click();"
            f"document.getElementById('username').value = '{username}';"
            f"document.getElementById('password').value = '{password}';"
            "document.getElementById('connect').click(); return true; })()")


def _account_names(window: MainWindow) -> set[str]:
    return {a.name for a in window.accounts_view.model.accounts()}


def test_snaptrade_connect_flow_adds_the_new_accounts(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    assert "Wealthsimple Individual" not in _account_names(window)

    async def scenario() -> str:
        window.show_view(window.connect_view)
        window.connect_view.trading.setChecked(True)
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=True))
        page = await _portal_ready(window)
        await evaluate(page, _sign_in("WEALTHSIMPLE", "demo"))
        said = await flow
        await window.reload()
        return said

    said = run(scenario())
    assert said == "Brokerage connected and synced."
    assert "Wealthsimple Individual" in _account_names(window)
    wealthsimple = next(a for a in window.accounts_view.model.accounts() if a.name == "Wealthsimple Individual")
    assert wealthsimple.connection_type == "trade" and wealthsimple.total is not None
    assert not window.connect_view.portal.isVisible(), "the portal closes when it is done"


def test_portal_failure_and_cancel_say_what_happened(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    async def attempt(script: str) -> str:
        ready = asyncio.ensure_future(_portal_ready(window))
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=False, broker="FIDELITY"))
        page = await ready
        await evaluate(page, script)
        return await flow

    async def three_wrong_passwords() -> str:
        """The portal asks again after a wrong password; the third ends the attempt."""
        ready = asyncio.ensure_future(_portal_ready(window))
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=False, broker="FIDELITY"))
        page = await ready
        for left in ("2 attempts", "1 attempt"):
            await evaluate(page, _sign_in("FIDELITY", "wrong"))
            for _ in range(200):
                said = await evaluate(page, "(document.getElementById('error') || {}).textContent || ''")
                if left in (said or ""):
                    break
                await asyncio.sleep(0.05)
            else:
                raise AssertionError(f"the portal did not ask again ({left} left)")
            assert not flow.done(), "the portal stays open for another try"
        await evaluate(page, _sign_in("FIDELITY", "wrong"))
        return await flow

    before = _account_names(window)
    failed = run(three_wrong_passwords())
    assert failed == "The brokerage did not accept the username or password."
    cancelled = run(attempt("(function () { document.getElementById('cancel').click(); return true; })()"))
    assert cancelled == "No brokerage was connected."
    run(window.reload())
    assert _account_names(window) == before


def test_closing_the_portal_window_counts_as_abandoned(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    async def scenario() -> str:
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=False))
        await _portal_ready(window)
        window.connect_view.portal.reject()
        return await flow

    assert run(scenario()) == "No brokerage was connected."


def test_plaid_hosted_link_inside_the_app(window: MainWindow, run: Callable[[Awaitable[Any]], Any]) -> None:
    async def scenario() -> str:
        flow = asyncio.ensure_future(window.connect_view.link_plaid_flow())
        page = await _portal_ready(window)
        await evaluate(page, "(function () { document.getElementById('institution').value = 'ins_12';"
                             "document.getElementById('username').value = 'user_good';"
                             "document.getElementById('password').value = 'pass_good';"
                             "document.getElementById('continue').click(); return true; })()")
        said = await flow
        await window.reload()
        return said

    assert run(scenario()) == "Investment accounts linked and synced."
    assert "Fidelity Brokerage" in _account_names(window)


def test_alpaca_dialog_rejects_a_bad_key_then_accepts_a_good_one(window: MainWindow, demo_context: AppContext, qtbot: Any,
                                                                  run: Callable[[Awaitable[Any]], Any]) -> None:
    info = demo_context.demo.sandbox.info["alpaca"]

    async def scenario() -> None:
        await window.connect_view.request_alpaca_keys()
        dialog = window.connect_view.alpaca_dialog
        dialog.key.setText("PKWRONG")
        dialog.secret.setText("wrong-secret")
        dialog.save.click()
        await wait_for(lambda: "did not accept" in dialog.message.text())
        assert dialog.isVisible() and dialog.save.isEnabled()
        dialog.key.setText(info["key_id"])
        dialog.secret.setText(info["secret_key"])
        dialog.save.click()
        await wait_for(lambda: not dialog.isVisible())

    run(scenario())
    assert window.connect_view.notice.text() == "Clera Brokerage (paper) added and synced."
    from clera_desktop.core.secrets import SecretKey

    assert window.services.secrets.get(SecretKey.ALPACA_API_KEY) == info["key_id"]


def test_a_broken_connection_shows_needs_reconnect_and_is_repaired(window: MainWindow, demo_context: AppContext,
                                                                    run: Callable[[Awaitable[Any]], Any]) -> None:
    sandbox = demo_context.demo.sandbox
    run(window.sync_now())
    client, user = snaptrade_client(sandbox), demo_user(sandbox)  # type: ignore[arg-type]
    etrade_id = next(c["id"] for c in client.connections.list_brokerage_authorizations(**user).body
                     if c["brokerage"]["slug"] == "ETRADE")
    client.connections.disable_brokerage_authorization(authorization_id=etrade_id, **user)
    run(window.sync_now())
    showing(window, window.connect_view, run)
    etrade = next(c for c in window.connect_view.model.rows if c.name == "E*TRADE")
    assert etrade.status == "needs_reconnect"
    account = next(a for a in window.accounts_view.model.accounts() if a.name == "E*TRADE Brokerage")
    assert account.stale_since is not None and account.total is not None, "stale, but its last data stays"
    assert window.error_button.isVisible()

    async def reconnect() -> str:
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(
            trading=True, reconnect=etrade.provider_connection_id))
        page = await _portal_ready(window)
        await evaluate(page, _sign_in("ETRADE", "demo", username="demo"))
        said = await flow
        await window.reload()
        return said

    assert run(reconnect()) == "Connection repaired and synced."
    repaired = next(c for c in window.connect_view.model.rows if c.name == "E*TRADE")
    assert repaired.status == "active"
    assert next(a for a in window.accounts_view.model.accounts() if a.name == "E*TRADE Brokerage").stale_since is None


def test_links_to_other_sites_open_in_the_system_browser_once_the_person_agrees(
        window: MainWindow, monkeypatch: Any, run: Callable[[Awaitable[Any]], Any]) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)

    async def scenario() -> str:
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=False))
        page = await _portal_ready(window)
        portal = window.connect_view.portal
        portal_url = page.url().toString()
        await evaluate(page, "(function () { document.getElementById('privacy').click(); return true; })()")
        await wait_for(lambda: portal.question is not None and portal.question.isVisible())
        assert opened == [], "nothing opens before the person says so"
        assert "snaptrade.com" in portal.question.text()
        portal.question.done(QMessageBox.StandardButton.Open)
        await wait_for(lambda: bool(opened))
        assert page.url().toString() == portal_url, "the portal stays where it was"
        portal.reject()
        return await flow

    assert run(scenario()) == "No brokerage was connected."
    assert opened == ["https://snaptrade.com/privacy-policy"]


def test_the_portal_page_is_kept_on_a_leash(window: MainWindow, monkeypatch: Any, caplog: Any,
                                            run: Callable[[Awaitable[Any]], Any]) -> None:
    """The audit: a sub-frame from any host loaded and delivered a forged status=SUCCESS, a pop-up to
    smb://... went to the system unasked, and cookies carried over to the next portal dialog."""
    from PySide6.QtGui import QDesktopServices

    from clera_desktop.ui.dialogs.portal_dialog import SNAPTRADE_CALLBACK

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)

    caplog.set_level(logging.INFO, logger="clera_desktop.ui.dialogs.portal_dialog")
    probes = iter(range(1, 100))

    def refusals() -> int:
        return sum(r.getMessage().startswith("refused a") for r in caplog.records)

    async def frame_loaded(page: Any, source: str) -> bool:
        """Whether a sub-frame of ``source`` got in: waits until the page refused it (its log line) or it loaded."""
        probe, before = f"probe{next(probes)}", refusals()
        await evaluate(page, f"(function () {{ var f = document.createElement('iframe'); f.id = '{probe}';"
                             f"f.onload = function () {{ window['{probe}'] = true; }};"
                             f"f.src = {source!r}; document.body.appendChild(f); return true; }})()")
        deadline = asyncio.get_running_loop().time() + 20
        while refusals() == before and not await evaluate(page, f"window['{probe}'] === true"):
            assert asyncio.get_running_loop().time() < deadline, f"{source}: neither refused nor loaded"
            await asyncio.sleep(0.05)
        return bool(await evaluate(page, f"(function () {{ try {{ return document.getElementById('{probe}')"
                                         ".contentWindow.location.href !== 'about:blank'; } catch (e) { return true; } })()"))

    async def scenario() -> tuple[str, list[str]]:
        flow = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=False))
        page = await _portal_ready(window)
        portal = window.connect_view.portal
        await evaluate(page, "(function () { document.cookie = 'session=first-dialog; path=/'; return true; })()")
        forged = f"{SNAPTRADE_CALLBACK}?status=SUCCESS&connection_id=forged"
        assert not await frame_loaded(page, forged), "a sub-frame's callback is refused"
        assert portal.result_params is None and portal.isVisible(), "and counts for nothing"
        assert not await frame_loaded(page, "https://elsewhere.invalid/track"), "a frame from another host is refused"
        await evaluate(page, "(function () { window.open('smb://fileserver/share'); return true; })()")
        await wait_for(lambda: "smb://fileserver/share" in portal.offered)
        assert portal.question is not None and opened == [], "asked, not opened"
        portal.question.reject()
        portal.reject()
        first = await flow
        second = asyncio.ensure_future(window.connect_view.connect_snaptrade_flow(trading=False))
        page = await _portal_ready(window)
        cookies = await evaluate(page, "document.cookie")
        window.connect_view.portal.reject()
        await second
        return first, [cookies]

    said, [cookies] = run(scenario())
    assert said == "No brokerage was connected."
    assert "first-dialog" not in (cookies or ""), "a fresh profile: nothing carried over"
    assert opened == []
