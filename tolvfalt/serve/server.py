"""Running the app: the socket bound first (so the address, with the port it really got, is known and printed before
anything else), the browser opened on it, uvicorn serving until Ctrl-C or SIGTERM, then a clean stop."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import TolvfaltError
from ..framework import Framework
from ..i18n import Lang, label
from .security import Served

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host`` and ``port`` (0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host.strip("[]"), port), family=family, backlog=128)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise TolvfaltError.one("serve_port_in_use", port=port, host=host, detail=detail) from None


class _OneLine(logging.Formatter):
    """A log record as one line: what went wrong, not the traceback (``--debug`` shows it)."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f" ({type(exc).__name__}: {exc})"[:300]
        return text


def _logging(debug: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s") if debug else _OneLine())
    for name in ("tolvfalt.serve", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.WARNING)
        logger.propagate = False


def _open(url: str) -> None:
    """In a thread of its own: a browser that runs in the terminal would otherwise hold up the server."""
    import webbrowser

    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


def run(
    folder: Path,
    framework: Framework,
    lang: Lang,
    host: str,
    port: int,
    *,
    open_browser: bool,
    debug: bool,
    say: Callable[[str], None],
) -> None:
    import uvicorn

    from .app import create_app

    sock = bind(host, port)
    served = Served.at(host, sock.getsockname()[1])
    app = create_app(folder, framework, lang, served)
    config = uvicorn.Config(
        app, log_config=None, log_level="warning", access_log=False, lifespan="off", server_header=False
    )
    _logging(debug)
    server = _Server(config)
    url = served.url()
    say(label("serve_listening", lang, folder=folder.resolve(), url=url))
    if served.wildcard:
        say(label("serve_also_at", lang, url=served.url(name=socket.gethostname())))
    if served.token:
        say(label("serve_token_note", lang))
    say(label("serve_stop_hint", lang))
    if open_browser:
        _open(url)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    say(label("serve_stopped", lang))


class _Server:
    """uvicorn's server, stopped by Ctrl-C or SIGTERM like any other, without sending the signal on to the process
    once it has stopped (uvicorn's own way ends the process by the signal: no clean exit code)."""

    def __init__(self, config: Any) -> None:
        import uvicorn

        class Quiet(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Iterator[None]:
                if threading.current_thread() is not threading.main_thread():
                    yield
                    return
                before = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS}
                try:
                    yield
                finally:
                    for sig, handler in before.items():
                        signal.signal(sig, handler)

        self.server = Quiet(config)

    def run(self, sockets: list[socket.socket]) -> None:
        self.server.run(sockets=sockets)
