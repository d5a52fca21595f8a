"""The summary of a batch: acts by kind, language and year, items by executor and by the month
they are due, errors by type; as Markdown and as one self-contained HTML page whose charts are
inline SVG (no script, nothing fetched)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import jinja2
from tapsyrma.parser import langdata

from .tables import executor_name

__all__ = ["Summary"]

# Rows shown per table; the rest is counted in a "more" line.
_TOP = 40
_MAX_MONTHS = 240


@dataclass(slots=True)
class Summary:
    """Counts over the acts and errors of a batch, in the order they were added."""

    acts: int = 0
    items: int = 0
    errors: int = 0
    kinds: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    executors: Counter = field(default_factory=Counter)
    leads: Counter = field(default_factory=Counter)
    executor_names: dict = field(default_factory=dict)
    due_months: Counter = field(default_factory=Counter)
    no_due: int = 0
    error_types: Counter = field(default_factory=Counter)

    @property
    def files(self) -> int:
        return self.acts + self.errors

    def add_act(self, act: dict, lang: str) -> None:
        """Count an act in its ``tapsyrma/act@1`` JSON form; executor names in ``lang``."""
        header = act["act"]
        self.acts += 1
        self.kinds[header["kind"]] += 1
        self.languages[act["language"]] += 1
        self.years[header["date"][:4] if header["date"] else None] += 1
        for item in act["items"]:
            self.items += 1
            for key, executor in {executor["id"] or executor["text"]: executor for executor in item["executors"]}.items():
                self.executors[key] += 1
                self.leads[key] += executor["role"] == "lead"
                self.executor_names.setdefault(key, executor_name(executor, lang))
            due = item["deadline"]["due"]
            if due:
                self.due_months[due[:7]] += 1
            else:
                self.no_due += 1

    def add_error(self, error: dict) -> None:
        self.errors += 1
        self.error_types[error["error"]] += 1

    def sections(self, lang: str) -> list[dict]:
        """The tables of the summary: heading, rows (label, count[, of which lead]), rows left out."""
        labels = langdata.load(lang, "batch")
        words = labels["summary"]
        unknown = words["unknown"]

        def section(key: str, counts: Counter, *, by_count: bool, label=lambda value: value, extra=None, top: int = _TOP) -> dict:
            # Ties are broken by value, so the summary does not depend on the order files finished in.
            ordered = sorted(counts.items(), key=lambda pair: ((-pair[1],) if by_count else ()) + (pair[0] is None, str(pair[0] or "")))
            rows = [
                {"label": unknown if value is None else str(label(value)), "count": count, "extra": extra(value) if extra else None}
                for value, count in ordered[:top]
            ]
            return {"key": key, "title": words[key], "rows": rows, "more": max(len(ordered) - top, 0)}

        months = section("due_per_month", _with_empty_months(self.due_months), by_count=False, top=_MAX_MONTHS)
        if self.no_due:
            months["rows"].append({"label": words["no_due"], "count": self.no_due, "extra": None, "apart": True})
        return [
            section("by_kind", self.kinds, by_count=True),
            section("by_language", self.languages, by_count=True, label=lambda code: labels["languages"].get(code, code)),
            section("by_year", self.years, by_count=False),
            section("by_executor", self.executors, by_count=True, label=self.executor_names.__getitem__, extra=self.leads.__getitem__),
            months,
            section("errors_by_type", self.error_types, by_count=True),
        ]

    def totals(self, lang: str) -> list[tuple[str, int]]:
        words = langdata.load(lang, "batch")["summary"]
        return [(words["files"], self.files), (words["acts"], self.acts), (words["items"], self.items), (words["errors"], self.errors)]

    def markdown(self, lang: str) -> str:
        words = langdata.load(lang, "batch")["summary"]
        totals = self.totals(lang)
        lines = [f"# {words['title']}", "", "| " + " | ".join(name for name, _ in totals) + " |",
                 "|" + "---:|" * len(totals), "| " + " | ".join(str(count) for _, count in totals) + " |", ""]
        for section in self.sections(lang):
            if not section["rows"]:
                continue
            lead = section["key"] == "by_executor"
            lines += [f"## {section['title']}", "",
                      f"| {words['value']} | {words['count']} |" + (f" {words['as_lead']} |" if lead else ""),
                      "|---|---:|" + ("---:|" if lead else "")]
            for row in section["rows"]:
                if not row["count"]:
                    continue  # an empty month: a gap on the chart's time axis, not a table row
                cells = [_md_cell(row["label"]), str(row["count"])] + ([str(row["extra"])] if lead else [])
                lines.append("| " + " | ".join(cells) + " |")
            if section["more"]:
                lines.append(f"| {words['more'].format(count=section['more'])} | |" + (" |" if lead else ""))
            lines.append("")
        if self.errors:
            lines += [words["errors_file"], ""]
        return "\n".join(lines)

    def html(self, lang: str) -> str:
        words = langdata.load(lang, "batch")["summary"]
        sections = [section for section in self.sections(lang) if section["rows"]]
        for section in sections:
            section["chart"] = _column_chart(section["rows"]) if section["key"] in ("due_per_month", "by_year") else None
            peak = max((row["count"] for row in section["rows"]), default=1) or 1
            for row in section["rows"]:
                row["width"] = round(_BAR_WIDTH * row["count"] / peak, 1)
        return _PAGE.render(lang=lang, words=words, totals=self.totals(lang), sections=sections, bar_width=_BAR_WIDTH)


def _with_empty_months(counts: Counter) -> Counter:
    """The months between the first and the last due month, those with no item as 0, so that
    the chart's axis is time; a span over twenty years is left as it is."""
    if not counts:
        return counts
    first, last = min(counts), max(counts)
    start, end = int(first[:4]) * 12 + int(first[5:7]) - 1, int(last[:4]) * 12 + int(last[5:7]) - 1
    if end - start >= _MAX_MONTHS:
        return counts
    return Counter({f"{month // 12:04d}-{month % 12 + 1:02d}": counts.get(f"{month // 12:04d}-{month % 12 + 1:02d}", 0) for month in range(start, end + 1)})


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


_BAR_WIDTH = 240
_CHART_HEIGHT = 160


def _column_chart(rows: list[dict]) -> dict:
    """Geometry of a column chart of dated rows (those set apart, like "no due date", left out)."""
    dated = [row for row in rows if not row.get("apart")]
    peak = max((row["count"] for row in dated), default=1) or 1
    step = max(8, min(40, 720 // max(len(dated), 1)))
    columns = [
        {"x": 30 + index * step, "height": round(_CHART_HEIGHT * row["count"] / peak, 1), "label": row["label"], "count": row["count"]}
        for index, row in enumerate(dated)
    ]
    for column in columns:
        column["y"] = 10 + _CHART_HEIGHT - column["height"]
    return {"columns": columns, "step": step, "width": 40 + len(columns) * step, "height": _CHART_HEIGHT + 70,
            "base": 10 + _CHART_HEIGHT, "peak": peak, "label_every": max(1, 18 // step)}


_PAGE = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""\
<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ words.title }}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
td, th { padding: .2em .6em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: middle; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.totals td { font-size: 1.6em; font-weight: 600; }
.bar { fill: #3b6ea5; }
.lead { fill: #9cc0e4; }
svg text { font: 10px system-ui, sans-serif; fill: #444; }
</style>
</head>
<body>
<h1>{{ words.title }}</h1>
<table class="totals">
<tr>{% for name, _ in totals %}<th>{{ name }}</th>{% endfor %}</tr>
<tr>{% for _, count in totals %}<td class="n">{{ count }}</td>{% endfor %}</tr>
</table>
{% for section in sections %}
<h2>{{ section.title }}</h2>
{% if section.chart %}
{% set chart = section.chart %}
<svg width="{{ chart.width }}" height="{{ chart.height }}" role="img" aria-label="{{ section.title }}">
<text x="0" y="18">{{ chart.peak }}</text>
<line x1="28" y1="{{ chart.base }}" x2="{{ chart.width }}" y2="{{ chart.base }}" stroke="#999"/>
{% for column in chart.columns %}
<rect class="bar" x="{{ column.x }}" y="{{ column.y }}" width="{{ chart.step - 2 }}" height="{{ column.height }}"><title>{{ column.label }}: {{ column.count }}</title></rect>
{% if loop.index0 % chart.label_every == 0 %}
<text transform="translate({{ column.x + chart.step / 2 }},{{ chart.base + 6 }}) rotate(60)">{{ column.label }}</text>
{% endif %}
{% endfor %}
</svg>
{% endif %}
<table>
<tr><th>{{ words.value }}</th><th class="n">{{ words.count }}</th>{% if section.key == "by_executor" %}<th class="n">{{ words.as_lead }}</th>{% endif %}<th></th></tr>
{% for row in section.rows if row.count %}
<tr><td>{{ row.label }}</td><td class="n">{{ row.count }}</td>{% if section.key == "by_executor" %}<td class="n">{{ row.extra }}</td>{% endif %}
<td><svg width="{{ bar_width }}" height="12"><rect class="bar" width="{{ row.width }}" height="12"/>{% if row.extra is not none and row.count %}<rect class="lead" width="{{ row.width * row.extra / row.count }}" height="4" y="8"/>{% endif %}</svg></td></tr>
{% endfor %}
{% if section.more %}<tr><td colspan="3">{{ words.more.format(count=section.more) }}</td></tr>{% endif %}
</table>
{% endfor %}
{% if totals[3][1] %}<p>{{ words.errors_file }}</p>{% endif %}
</body>
</html>
""")
