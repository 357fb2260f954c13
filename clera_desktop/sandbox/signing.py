"""SnapTrade's request signature, computed exactly as the official SDK computes it.

``Signature: base64(HMAC-SHA256(consumer_key, canonical_json))`` where ``canonical_json`` is
``{"content": body or null, "path": path, "query": raw query}`` with sorted keys and no spaces.
The query is the raw string from the request line (``%2C`` stays encoded) and the path has no
host prefix. See ../shared/docs/provider-apis.md section 1.2.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any


def signature_payload(path: str, query: str, body: Any) -> str:
    content = None if body in (None, {}, "") else body
    return json.dumps({"content": content, "path": path, "query": query}, separators=(",", ":"), sort_keys=True)


def sign(consumer_key: str, path: str, query: str, body: Any) -> str:
    digest = hmac.new(consumer_key.encode(), signature_payload(path, query, body).encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def verify(consumer_key: str, path: str, query: str, body: Any, signature: str | None) -> bool:
    if not signature:
        return False
    return hmac.compare_digest(sign(consumer_key, path, query, body), signature)
