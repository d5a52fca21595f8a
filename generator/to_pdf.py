"""PDF output: the DOCX converted by LibreOffice (``soffice --headless``), when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tapsyrma.parser.errors import TemplateError

# A large act converts in a few seconds; a hung office process must not hang the caller.
_TIMEOUT_SECONDS = 180


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    executable = soffice()
    if executable is None:
        raise TemplateError(
            "PDF output: expected LibreOffice (soffice) on PATH, got none; "
            "install it (e.g. apt-get install libreoffice-writer-nogui) or write DOCX and convert it yourself"
        )
    with tempfile.TemporaryDirectory(prefix="tapsyrma-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        # A private profile: a user's running LibreOffice would otherwise swallow the conversion.
        profile = (work / "profile").as_uri()
        try:
            completed = subprocess.run(
                [executable, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                 "--outdir", str(work), str(source)],
                capture_output=True,
                timeout=_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise TemplateError(f"PDF output: LibreOffice did not finish in {_TIMEOUT_SECONDS} s") from None
        target = work / "document.pdf"
        if not target.exists():
            message = (completed.stderr or completed.stdout).decode(errors="replace").strip().splitlines()
            raise TemplateError(
                f"PDF output: expected LibreOffice to write a PDF, got exit code {completed.returncode}"
                + (f": {message[-1]}" if message else "")
            )
        return target.read_bytes()
