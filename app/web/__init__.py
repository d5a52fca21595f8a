"""tapsyrma.app.web: the web app for drafters (``tapsyrma serve``).

A drafter pastes or uploads an act, reviews its items with what was matched highlighted in the
text, sees earlier instructions it duplicates, corrects executors, deadlines and completion forms,
and downloads Appendix 5, the control cards, the XLSX table or the JSON. The same work is
available as a JSON API under /api.

>>> from tapsyrma.app.web import WebSettings, create_app       # doctest: +SKIP
>>> app = create_app(WebSettings(db="registry.db"))            # doctest: +SKIP
"""

from .server import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
