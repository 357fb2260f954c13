"""Live value under a flood of ticks: websocket -> StockDataStream -> valuation -> dashboard chart.

    .venv/bin/python bench/live_bench.py [--rate 20000] [--seconds 10]

The sandbox runs in a child process (as the demo does) and sends trades at ``--rate`` per
second over the demo's held symbols. Measured, in the same run:
- baseline: alpaca-py's StockDataStream alone with a no-op handler (what the SDK can take);
- the app: the real window (offscreen) with the dashboard on screen, live service running.
Printed: ticks sent by the sandbox and handled by each, ticks lost (sent - received, after the
feed is paused and the wire drained), dashboard redraws per second, and the largest
gap between 10 ms timer ticks on the GUI loop (the stall a person would feel).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def stats_url(stream_url: str) -> str:
    return stream_url.replace("ws://", "http://").split("/alpaca-stream")[0] + "/alpaca-stream/_stats"


def sandbox_sent(url: str) -> int:
    with urllib.request.urlopen(url, timeout=5) as response:
        return int(json.load(response)["sent"])


def set_rate(url: str, rate: float) -> None:
    request = urllib.request.Request(url.replace("/_stats", "/_rate"), data=json.dumps({"rate": rate}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    urllib.request.urlopen(request, timeout=5).close()


def baseline(info: dict, symbols: list[str], seconds: float, rate: float) -> tuple[float, int, int]:
    """The SDK alone: how many ticks per second a do-nothing handler receives."""
    from alpaca.data.live.stock import StockDataStream

    alpaca = info["alpaca"]
    stream = StockDataStream(alpaca["key_id"], alpaca["secret_key"], raw_data=True, url_override=alpaca["stream_url"])
    received = [0]

    async def on_trade(_message: dict) -> None:
        received[0] += 1

    stream.subscribe_trades(on_trade, *symbols)
    thread = threading.Thread(target=stream.run, daemon=True)
    thread.start()
    url = stats_url(alpaca["stream_url"])
    time.sleep(1)  # connected; the feed is paused, so both counters stand still while sampled
    start_sent, start_received = sandbox_sent(url), received[0]
    set_rate(url, rate)
    time.sleep(seconds)
    handled_rate = (received[0] - start_received) / seconds
    set_rate(url, 0)  # pause the feed and let the wire drain: what was sent and not received is lost
    time.sleep(1.5)
    lost = (sandbox_sent(url) - start_sent) - (received[0] - start_received)
    stream.stop()
    thread.join(timeout=5)
    return handled_rate, received[0] - start_received, lost


def app_run(seconds: float, rate: float) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from clera_desktop.app import build_context
    from clera_desktop.core.settings import load_settings
    from clera_desktop.ui.event_loop import create_event_loop
    from clera_desktop.ui.main_window import MainWindow
    from tests.ui.loop_gaps import LoopGaps

    app = QApplication.instance() or QApplication([])
    loop = create_event_loop(app)  # the app's own loop
    asyncio.set_event_loop(loop)
    context = build_context(load_settings(data_dir=Path(tempfile.mkdtemp(prefix="clera-live-")), environ={}, demo=True),
                            sandbox_args=["--tick-rate", str(rate)])
    info = context.demo.sandbox.info  # type: ignore[union-attr]
    window = MainWindow(context.services)
    window.resize(1280, 800)
    window.show()
    result: dict[str, float] = {}

    async def measure() -> None:
        live = context.services.live
        await window.start()  # as the app starts: first paint, heap settled, live prices, a sync
        await window.refresh()
        await window._live_task
        await window._history_task
        symbols = sorted(live.valuation.book.symbols("USD"))  # type: ignore[union-attr]
        stream = live._stream
        assert stream is not None
        url = stats_url(info["alpaca"]["stream_url"])
        await asyncio.to_thread(stream.set_symbols, [])  # the baseline has the sandbox to itself
        set_rate(url, 0)
        await asyncio.sleep(1)
        base_rate, base_count, base_lost = await asyncio.to_thread(baseline, info, symbols, seconds, rate)
        await asyncio.to_thread(stream.set_symbols, symbols)
        window.show_view(window.dashboard_view)
        render_times: list[float] = []
        original_render = window.dashboard_view.render

        def timed_render(snapshot) -> None:  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            original_render(snapshot)
            render_times.append(time.perf_counter() - began)

        window.dashboard_view.render = timed_render  # type: ignore[method-assign]
        await asyncio.sleep(1)  # subscribed again; the feed is still paused
        ticks = LoopGaps()
        start_sent, start_received, start_handled = sandbox_sent(url), stream.received, live.prices.ticks_seen
        set_rate(url, rate)
        start_redraws, started = window.dashboard_view.redraws, time.perf_counter()
        render_times.clear()
        ticks.start()
        await asyncio.sleep(seconds)
        ticks.stop()
        elapsed = time.perf_counter() - started
        handled = live.prices.ticks_seen - start_handled
        redraws = window.dashboard_view.redraws - start_redraws
        set_rate(url, 0)  # pause the feed, then let the wire drain
        await asyncio.sleep(1.5)
        sent = sandbox_sent(url) - start_sent
        result.update(
            baseline_rate=base_rate, baseline_count=base_count, baseline_lost=base_lost,
            app_rate=handled / elapsed, app_count=handled, sent=sent,
            lost=sent - (stream.received - start_received),
            unhandled=len(stream._pending),
            redraws_per_second=redraws / elapsed, render_ms=1000 * sum(render_times) / max(1, len(render_times)),
            max_stall_ms=max(0.0, max(ticks.gaps, default=0.0) - 0.010) * 1000, symbols=len(symbols),
        )

    loop.run_until_complete(measure())
    window.close()
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=20000)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    r = app_run(args.seconds, args.rate)
    print(f"sandbox asked to send {args.rate:,.0f} trades/s over {r['symbols']:.0f} held symbols, {args.seconds:.0f} s each")
    print(f"{'':44}{'ticks/s':>10}{'ticks':>10}{'lost':>8}")
    print(f"{'baseline: StockDataStream, no-op handler':44}{r['baseline_rate']:>10,.0f}{r['baseline_count']:>10,.0f}"
          f"{r['baseline_lost']:>8,.0f}")
    print(f"{'Clera: stream -> valuation -> dashboard':44}{r['app_rate']:>10,.0f}{r['app_count']:>10,.0f}{r['lost']:>8,.0f}")
    print(f"ratio: the app handles {r['app_rate'] / r['baseline_rate']:.2f}x the baseline's ticks per second")
    print(f"redraws per second: {r['redraws_per_second']:.1f} (goal ~30), {r['render_ms']:.1f} ms each on average")
    print(f"largest event-loop stall: {r['max_stall_ms']:.1f} ms (goal < 50 ms)")
    print(f"ticks received by the stream but not folded into prices after the drain: {r['unhandled']:.0f}")


if __name__ == "__main__":
    main()
