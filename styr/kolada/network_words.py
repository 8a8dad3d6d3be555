"""Why the network failed, said in words in both languages, never as the system's English.

Python's own texts ("[Errno 111] Connection refused", "<urlopen error …>") are
English and name developer things; a planner reading Swedish gets
"anslutningen nekades" instead. The messages take the reason as `reason`
(Swedish) and `reason_en` (see `styr.i18n.localised`).
"""

from __future__ import annotations

import errno
import http.client
import socket

from styr.i18n import N_, Text, both_languages

REFUSED = N_("the connection was refused")
BROKEN_OFF = N_("the connection was broken off")
NAME_UNKNOWN = N_("the server's name could not be looked up")
NETWORK_UNREACHABLE = N_("the network or the server cannot be reached")
NOT_SECURE = N_("a secure connection could not be set up")
BAD_ANSWER = N_("the answer could not be read")
UNEXPECTED = N_("an unexpected network error")

_BROKEN = (
    ConnectionResetError,
    ConnectionAbortedError,
    BrokenPipeError,
    EOFError,
    http.client.IncompleteRead,
)
_UNREACHABLE_ERRNOS = frozenset(
    {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}
)


def reason_in_words(reason: object) -> dict[str, str]:
    """`reason` and `reason_en`: what went wrong with the connection, in plain words."""
    return both_languages("reason", _text_of(reason))


def _text_of(reason: object) -> Text:
    import ssl  # already imported by http.client where there is TLS; asked for only here

    if isinstance(reason, ConnectionRefusedError):
        return REFUSED
    if isinstance(reason, _BROKEN):
        return BROKEN_OFF
    if isinstance(reason, socket.gaierror):
        return NAME_UNKNOWN
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return NOT_SECURE
    if isinstance(reason, OSError) and reason.errno in _UNREACHABLE_ERRNOS:
        return NETWORK_UNREACHABLE
    if isinstance(reason, http.client.HTTPException | ValueError):
        return BAD_ANSWER
    return UNEXPECTED
