"""factlint in the editor: ``factlint server``, a Language Server Protocol server over stdio.

Needs the optional extra ``pip install 'factlint[server]'`` (pygls); nothing
here is imported by ``factlint check``. ``protocol`` speaks LSP, ``engine``
lints (the CLI's pipeline on unsaved text), ``folder`` is the one adapter to
the folder state, ``actions`` and ``edits`` are the quick fixes and
suppressions.
"""

from __future__ import annotations

from factlint.errors import FactlintError


def serve(debounce_ms: float | None = None) -> int:
    """Run the server on stdin/stdout; a one-line error when pygls is missing."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise FactlintError("the language server needs pygls: pip install 'factlint[server]'") from None
    from factlint.server.protocol import serve as serve_stdio

    return serve_stdio(debounce_ms)
