"""What every request must pass and every answer carries, for a server on the user's own machine that any web page
in the same browser can try to reach.

- The Host header must name the address served (DNS rebinding: a foreign name that resolves to 127.0.0.1).
- A state-changing request must not come from another site (CSRF): Sec-Fetch-Site, else Origin, must say it came
  from this origin; a request with neither (not a browser) passes, as no cookie or page of another site is in it.
- Bound beyond loopback, every request carries the secret token printed at start: once in the address
  (``?token=…``), which sets a cookie for this origin and port and redirects to the address without it.
- Every answer says: no script, style, image or frame from elsewhere (Content-Security-Policy), no sniffing of
  types, no framing by other pages, no referrer, not to be cached.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
APP_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'self'; "
    "base-uri 'none'"
)
"""A document tolvfalt writes (one HTML file with its CSS inside, no scripts), shown in the app's own frame."""
TOKEN_PARAM = "token"

Refusal = Callable[[int, str], Awaitable[Response]]
"""Makes the page that refuses a request: its status and the code of its message."""


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Served:
    """The address the server listens on, and the token it asks for (None on loopback)."""

    host: str
    port: int
    token: str | None = field(default=None, repr=False)

    @classmethod
    def at(cls, host: str, port: int) -> Served:
        """A token is made when ``host`` reaches beyond this machine."""
        served = cls(host, port)
        return served if served.loopback else cls(host, port, secrets.token_urlsafe(32))

    @property
    def loopback(self) -> bool:
        ip = _ip(self.host)
        return self.host.lower() == "localhost" if ip is None else ip.is_loopback

    @cached_property
    def names(self) -> frozenset[str]:
        """Host names (besides IP literals) a request may use: localhost, and beyond loopback this machine's."""
        names = {"localhost"}
        if not self.loopback:
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
            if _ip(self.host) is None:
                names.add(self.host.lower())
        return frozenset(names)

    @property
    def wildcard(self) -> bool:
        """Bound to every address of the machine."""
        return self.host in ("0.0.0.0", "::", "")

    def url(self, path: str = "/", *, name: str | None = None) -> str:
        """The address to open, with the token; ``name`` for the machine's name instead of the address bound."""
        shown = name or ("127.0.0.1" if self.host in ("0.0.0.0", "") else "::1" if self.host == "::" else self.host)
        if ":" in shown and not shown.startswith("["):
            shown = f"[{shown}]"
        query = f"?{urlencode({TOKEN_PARAM: self.token})}" if self.token else ""
        return f"http://{shown}:{self.port}{path}{query}"

    def allows_host(self, header: str) -> bool:
        """Whether a Host header names this server: its port, and a name of it or an address (a name another
        site controls is what DNS rebinding uses; an address literal is not)."""
        name, port = split_host(header)
        if port != self.port or not name:
            return False
        ip = _ip(name)
        if ip is None:
            return name.lower() in self.names
        return ip.is_loopback or not self.loopback

    @property
    def cookie(self) -> str:
        """One cookie per port: cookies do not tell ports apart, two servers on one machine must not share one."""
        return f"tolvfalt-token-{self.port}"


def split_host(header: str) -> tuple[str, int | None]:
    """``127.0.0.1:8012`` → (``127.0.0.1``, 8012); ``[::1]:8012`` → (``::1``, 8012); no port → 80."""
    header = header.strip()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ("" if not rest else "x")
    else:
        name, colon, port_text = header.rpartition(":")
        if not colon:
            name, port_text = header, ""
    if not port_text:
        return name, 80
    return (name, int(port_text)) if port_text.isdigit() and len(port_text) <= 5 else (name, None)


def cross_site(method: str, headers: Headers, host: str) -> bool:
    """Whether a state-changing request came from another origin: Sec-Fetch-Site when the browser sends it, else
    the Origin against the Host (both absent: not a browser, and no other site's page is behind it)."""
    if method in SAFE_METHODS:
        return False
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None:
        return False
    return origin != f"http://{host}"


class Guard:
    """The ASGI middleware that applies every rule above before the app sees a request."""

    def __init__(self, app: ASGIApp, served: Served, refuse: Refusal) -> None:
        self.app = app
        self.served = served
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if not self.served.allows_host(host):
            await (await self.refuse(400, "serve_bad_host"))(scope, receive, send)
            return
        if cross_site(scope["method"], headers, host):
            await (await self.refuse(403, "serve_cross_site"))(scope, receive, send)
            return
        token = self.served.token
        if token is not None:
            given = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"))).get(TOKEN_PARAM)
            if given is not None and secrets.compare_digest(given.encode(), token.encode()):
                await self._remember(scope, receive, send)
                return
            cookie = _cookies(headers).get(self.served.cookie, "")
            if not secrets.compare_digest(cookie.encode(), token.encode()):
                await (await self.refuse(403, "serve_token_needed"))(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _remember(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The token from the address becomes a cookie; the address loses it (it stays out of the history)."""
        rest = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != TOKEN_PARAM]
        target = scope.get("path", "/") + (f"?{urlencode(rest)}" if rest else "")
        response = RedirectResponse(target, status_code=303)
        assert self.served.token is not None
        response.set_cookie(self.served.cookie, self.served.token, httponly=True, samesite="strict", path="/")
        await response(scope, receive, send)


def _cookies(headers: Headers) -> dict[str, str]:
    from http.cookies import CookieError, SimpleCookie

    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except CookieError:
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def harden(headers: MutableHeaders) -> None:
    """The security headers, where a route has not set its own (the document's policy, say)."""
    policy = headers.setdefault("content-security-policy", APP_POLICY)
    headers.setdefault("x-frame-options", "SAMEORIGIN" if policy == DOCUMENT_POLICY else "DENY")
    headers.setdefault("x-content-type-options", "nosniff")
    headers.setdefault("referrer-policy", "no-referrer")
    headers.setdefault("cross-origin-opener-policy", "same-origin")
    headers.setdefault("cross-origin-resource-policy", "same-origin")
    headers.setdefault("cache-control", "no-store")


def _with_headers(send: Send) -> Send:
    """``send`` that adds the security headers to every answer."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            harden(MutableHeaders(scope=message))
        await send(message)

    return sending
