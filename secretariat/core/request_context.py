"""The client's address, and the facts about the current request that audit rows record without passing the
request down through every service. `RequestContextMiddleware` sets them; they are empty outside requests.

`client_address(request)` is the one answer to "who is asking" for flood limits, sign-in records and the audit
trail. Behind the production proxy `REMOTE_ADDR` is the proxy (gunicorn does not rewrite it), so the address
comes from `X-Forwarded-For` — but only when the peer is one of `settings.TRUSTED_PROXIES`: anyone else could
write any address there and escape every limit.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Callable, Sequence
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# The longest text form of an address (IPv4-mapped IPv6); the database columns hold this many characters.
ADDRESS_LENGTH = 45

client_ip: ContextVar[str] = ContextVar("client_ip", default="")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@functools.lru_cache(maxsize=8)
def _networks(cidrs: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def parse_trusted_proxies(cidrs: Sequence[str]) -> tuple[Network, ...]:
    """The networks of `cidrs`; raises ValueError for one that is not an address or network (settings call
    this at start-up so that a typo stops the server instead of silently trusting nobody)."""
    return _networks(tuple(cidrs))


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The address of the client: `REMOTE_ADDR`, unless that peer is a trusted proxy; then the right-most
    `X-Forwarded-For` entry that is not itself a trusted proxy (each proxy appends the peer it saw, so entries
    left of the first untrusted one are the client's own claims and are ignored)."""
    peer = str(request.META.get("REMOTE_ADDR", ""))
    networks = parse_trusted_proxies(getattr(settings, "TRUSTED_PROXIES", ()))
    peer_address = _address(peer)
    if not networks or peer_address is None or not _trusted(peer_address, networks):
        return peer[:ADDRESS_LENGTH]
    client = peer_address
    for hop in reversed(str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")):
        address = _address(hop)
        if address is None:
            break  # not written by a proxy of ours: keep the last address a trusted proxy vouched for
        client = address
        if not _trusted(address, networks):
            break
    return str(client)[:ADDRESS_LENGTH]


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = client_ip.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            client_ip.reset(token)
