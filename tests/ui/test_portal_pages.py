"""The SnapTrade portal and Plaid hosted Link pages in a real browser engine (Qt WebEngine)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from clera_desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import demo_user, snaptrade_client

SENTINEL = "http://127.0.0.1:1/clera-callback"


class RecordingPage(QWebEnginePage):
    """Stops at the app's callback URL and records it, as the app's portal view will."""

    def __init__(self) -> None:
        super().__init__()
        self.callbacks: list[QUrl] = []

    def acceptNavigationRequest(self, url: QUrl, kind: Any, is_main_frame: bool) -> bool:  # noqa: N802
        if url.toString().startswith(SENTINEL):
            self.callbacks.append(QUrl(url))
            return False
        return super().acceptNavigationRequest(url, kind, is_main_frame)


@pytest.fixture
def browser(qtbot: Any) -> tuple[QWebEngineView, RecordingPage]:
    view = QWebEngineView()
    page = RecordingPage()
    view.setPage(page)
    qtbot.addWidget(view)
    view.resize(800, 700)
    view.show()
    return view, page


def _open(qtbot: Any, view: QWebEngineView, url: str) -> None:
    """Load ``url`` and wait for *its* load: a late loadFinished(False) of the page before
    (its callback navigation is refused) must not count, or the script runs on the old page."""
    target = QUrl(url)

    def is_target(ok: bool) -> bool:
        return ok and (view.url().host(), view.url().path()) == (target.host(), target.path())

    with qtbot.waitSignal(view.loadFinished, timeout=20_000, check_params_cb=is_target):
        view.load(target)


def _run(qtbot: Any, page: QWebEnginePage, script: str) -> None:
    page.runJavaScript(script)


def _query(url: QUrl) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(url.query()))


def _portal_url(server: SandboxServer, **options: Any) -> str:
    response = snaptrade_client(server).authentication.login_snap_trade_user(
        immediate_redirect=True, custom_redirect=SENTINEL, **options, **demo_user(server)
    )
    return response.body["redirectURI"]


def _sign_in(broker: str, password: str, username: str = "me") -> str:
    return (
        f"document.querySelector('[data-slug={broker}]').click();"
        f"document.getElementById('username').value = '{username}';"
        f"document.getElementById('password').value = '{password}';"
        "document.getElementById('connect').click();"
    )


def test_portal_connects_a_brokerage_and_redirects_with_the_connection_id(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    view, page = browser
    _open(qtbot, view, _portal_url(sandbox, connection_type="trade"))
    _run(qtbot, page, _sign_in("WEALTHSIMPLE", "demo"))
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    result = _query(page.callbacks[0])
    assert result["status"] == "SUCCESS"
    connections = sandbox.world.snaptrade_users["demo-user"].connections
    assert result["connection_id"] in connections
    new = connections[result["connection_id"]]
    assert (new.brokerage.slug, new.type, len(new.accounts)) == ("WEALTHSIMPLE", "trade", 1)


def _error_shown(qtbot: Any, page: QWebEnginePage) -> str:
    found: list[str] = []

    def read() -> bool:
        page.runJavaScript("(document.getElementById('error') || {}).textContent || ''", 0, found.append)
        return bool(found and found[-1])

    qtbot.waitUntil(read, timeout=20_000)
    return found[-1]


def test_a_wrong_password_is_asked_again_in_the_page_then_ends_as_error_1066(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    """As SnapTrade's own portal: a person who mistyped tries again without leaving it; only after
    the third wrong password does the portal give up and report error 1066 to the app."""
    view, page = browser
    before = len(sandbox.world.snaptrade_users["demo-user"].connections)
    _open(qtbot, view, _portal_url(sandbox, broker="FIDELITY"))
    for left in (2, 1):
        with qtbot.waitSignal(view.loadFinished, timeout=20_000):
            _run(qtbot, page, _sign_in("FIDELITY", "wrong"))
        said = _error_shown(qtbot, page)
        assert "rejected the username or password" in said and f"{left} attempt" in said
        assert not page.callbacks, "the portal stays open for another try"
    _run(qtbot, page, _sign_in("FIDELITY", "wrong"))
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    assert _query(page.callbacks[0]) == {"status": "ERROR", "status_code": "403", "error_code": "1066"}
    assert len(sandbox.world.snaptrade_users["demo-user"].connections) == before


def test_a_mistyped_password_then_the_right_one_connects(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    view, page = browser
    _open(qtbot, view, _portal_url(sandbox, broker="FIDELITY"))
    with qtbot.waitSignal(view.loadFinished, timeout=20_000):
        _run(qtbot, page, _sign_in("FIDELITY", "wrong"))
    assert "Try again" in _error_shown(qtbot, page)
    _run(qtbot, page, _sign_in("FIDELITY", "demo"))
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    assert _query(page.callbacks[0])["status"] == "SUCCESS"


def test_portal_cancel_is_abandoned(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    view, page = browser
    _open(qtbot, view, _portal_url(sandbox))
    _run(qtbot, page, "document.getElementById('cancel').click();")
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    assert _query(page.callbacks[0]) == {"status": "ABANDONED"}


def test_portal_reconnect_repairs_a_disabled_connection(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    view, page = browser
    user = sandbox.world.snaptrade_users["demo-user"]
    etrade = next(c for c in user.connections.values() if c.brokerage.slug == "ETRADE")
    etrade.disabled = True
    _open(qtbot, view, _portal_url(sandbox, reconnect=etrade.id))
    _run(qtbot, page, _sign_in("ETRADE", "demo", username="demo"))
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    assert _query(page.callbacks[0]) == {"status": "SUCCESS", "connection_id": etrade.id}
    assert etrade.disabled is False


def test_framed_portal_posts_window_messages_instead_of_redirecting(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    view, page = browser
    portal = _portal_url(sandbox)
    wrapper = (
        "<html><body><script>window.__messages = [];"
        "window.addEventListener('message', function (e) { window.__messages.push(e.data); });</script>"
        f"<iframe id='portal' src='{portal}' width='700' height='600'></iframe></body></html>"
    )
    with qtbot.waitSignal(view.loadFinished, timeout=20_000):
        view.setHtml(wrapper, QUrl(sandbox.base_url + "/"))

    def portal_frame() -> Any:
        children = page.mainFrame().children()
        return children[0] if children and "redeemToken" in children[0].url().toString() else None

    qtbot.waitUntil(lambda: portal_frame() is not None, timeout=20_000)
    ready: list[Any] = []
    qtbot.waitUntil(lambda: (portal_frame().runJavaScript("!!document.getElementById('connect')", 0, ready.append),
                             bool(ready) and ready[-1] is True)[1], timeout=20_000)
    portal_frame().runJavaScript(_sign_in("ROBINHOOD", "demo", username="demo"), 0)
    qtbot.waitUntil(lambda: len(_eval(qtbot, page, "window.__messages") or []) >= 2, timeout=20_000)
    messages = _eval(qtbot, page, "window.__messages")
    assert messages[0]["status"] == "SUCCESS" and messages[0]["authorizationId"]
    assert messages[1] == "CLOSE_MODAL"
    assert page.callbacks == [], "inside an iframe the redirect settings are ignored"


def _eval(qtbot: Any, page: QWebEnginePage, script: str) -> Any:
    """Evaluate ``script`` in the page; the value travels as JSON (mixed arrays do not convert)."""
    box: list[Any] = []
    page.runJavaScript(f"JSON.stringify({script})", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return json.loads(box[0]) if box[0] else None


def test_plaid_hosted_link_completes_and_exits(
    qtbot: Any, sandbox: SandboxServer, browser: tuple[QWebEngineView, RecordingPage]
) -> None:
    from plaid.model.country_code import CountryCode
    from plaid.model.link_token_create_hosted_link import LinkTokenCreateHostedLink
    from plaid.model.link_token_create_request import LinkTokenCreateRequest
    from plaid.model.link_token_create_request_user import LinkTokenCreateRequestUser
    from plaid.model.link_token_get_request import LinkTokenGetRequest
    from plaid.model.products import Products

    from tests.sandbox.test_plaid_sdk import plaid_client

    client = plaid_client(sandbox)
    view, page = browser

    def new_link() -> Any:
        return client.link_token_create(LinkTokenCreateRequest(
            client_name="Clera Desktop", language="en", country_codes=[CountryCode("US")],
            user=LinkTokenCreateRequestUser(client_user_id="clera"), products=[Products("investments")],
            hosted_link=LinkTokenCreateHostedLink(completion_redirect_uri=SENTINEL + "/plaid"),
        ))

    link = new_link()
    _open(qtbot, view, link.hosted_link_url)
    _run(qtbot, page, "document.getElementById('username').value='user_good';"
                      "document.getElementById('password').value='pass_good';"
                      "document.getElementById('continue').click();")
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    sessions = client.link_token_get(LinkTokenGetRequest(link_token=link.link_token)).link_sessions
    assert sessions[0].results.item_add_results[0].public_token.startswith("public-sandbox-")

    exit_link = new_link()
    page.callbacks.clear()
    _open(qtbot, view, exit_link.hosted_link_url)
    _run(qtbot, page, "document.getElementById('exit').click();")
    qtbot.waitUntil(lambda: bool(page.callbacks), timeout=20_000)
    exited = client.link_token_get(LinkTokenGetRequest(link_token=exit_link.link_token)).link_sessions[0]
    assert exited.exit is not None and "results" not in exited.to_dict()
