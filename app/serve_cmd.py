"""``tapsyrma serve``: the web app for drafters on this computer (http://127.0.0.1:8000)."""

from __future__ import annotations

import typer

from tapsyrma.parser.readers import DEFAULT_MAX_BYTES

from .registry_cmd import DbOption

__all__ = ["register"]


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 opens the app to the whole network."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: DbOption = None,
    max_size_mb: float = typer.Option(DEFAULT_MAX_BYTES / 2**20, "--max-size", metavar="MB", min=0.001, help="Refuse acts larger than this."),
    timeout: float = typer.Option(60.0, "--timeout", metavar="SECONDS", min=1, help="Give up on a request that takes longer."),
) -> None:
    """Start the web app: paste or upload an act, review its items and duplicates, download the documents.

    Examples:

      tapsyrma serve

      tapsyrma serve --port 8080 --db ~/registry.db
    """
    import uvicorn

    from .web import WebSettings, create_app

    app = create_app(WebSettings(db=db, max_bytes=int(max_size_mb * 2**20), timeout=timeout))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"tapsyrma: loading; then open http://{shown}:{port}/ in a browser (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_keep_alive=5)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the root command."""
    app.command(name="serve")(serve)
