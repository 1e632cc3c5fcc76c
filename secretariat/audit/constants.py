"""The chains' fixed names and the hash every chain starts from."""

from __future__ import annotations

GENESIS_HASH = "0" * 64
AUDIT_CHAIN = "audit"
ACCESS_CHAIN = "access"
