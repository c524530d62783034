"""The results as one plain-text table: a row per figure and corpus size, columns aligned."""

from __future__ import annotations

from measure import SizeResult
from timing import Figure

ROWS = (
    ("cold", "cold load: open_store, no cache"),
    ("first", "first load: open_store, empty cache"),
    ("cli-first", "reader list --json, first run"),
    ("warm", "warm load: reader list --json again"),
    ("warm-query", "warm reader list --query WORD"),
    ("suggest-p50", "suggest (typed prefix), p50"),
    ("suggest-p95", "suggest (typed prefix), p95"),
    ("word-index", "first word filter (builds index)"),
    ("word-index-warm", "first word filter, warm start"),
    ("filter-p50", "filter: place + person + word, p50"),
    ("filter-p95", "filter: place + person + word, p95"),
    ("views-build", "views: facet + timeline index build"),
    ("facets-all", "facets: counts, whole store"),
    ("facets-half", "facets: counts, about half"),
    ("facets-small", "facets: counts, small result"),
    ("timeline-all", "timeline: whole store"),
    ("timeline-half", "timeline: about half"),
    ("timeline-small", "timeline: small result"),
    ("together-all", "co-occurrence: whole store"),
    ("together-half", "co-occurrence: about half"),
    ("together-small", "co-occurrence: small result"),
    ("memory", "memory: peak RSS added by store"),
    ("memory-index", "memory: ... plus word index"),
    ("memory-warm", "memory: warm start with saved index"),
    ("term-list", "terminal: start to painted list"),
    ("term-first", "terminal: start to usable list"),
    ("term-first-word", "terminal: first word after paint"),
    ("term-key-p50", "terminal: keystroke to settled list and suggestions, p50"),
    ("term-key-p95", "terminal: keystroke to settled list and suggestions, p95"),
    ("term-screen-p50", "terminal: keystroke to settled screen, pane included, p50"),
    ("term-screen-p95", "terminal: keystroke to settled screen, pane included, p95"),
    ("tui-first", "headless: start to first screen with list"),
    ("tui-key-p50", "headless: keystroke to updated list, p50"),
    ("tui-key-p95", "headless: keystroke to updated list, p95"),
)
ACCURACY = (
    ("places", "precision", "places: precision"),
    ("places", "recall", "places: recall"),
    ("people", "precision", "people: precision"),
    ("people", "recall", "people: recall"),
)
CHECK = " (regression check)"
"""The corpus is written from templates the recogniser was developed against: these rows
catch a change that breaks recognition, they do not estimate accuracy on real news."""
HEADER = ("figure", "articles", "value", "floor", "ratio", "note")


def seconds(value: float) -> str:
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def shown(figure: Figure, value: float | None) -> str:
    if value is None:
        return "—"
    return seconds(value) if figure.unit == "s" else f"{value:.1f} {figure.unit}"


def figure_row(label: str, size: int, figure: Figure) -> tuple[str, ...]:
    ratio = figure.ratio
    return (label, f"{size:,}", shown(figure, figure.value), shown(figure, figure.floor),
            "—" if ratio is None else f"{ratio:.1f}x", figure.note)


def accuracy_rows(results: dict[int, SizeResult]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for kind, measure, label in ACCURACY:
        for size, result in results.items():
            if result.accuracy is None:
                continue
            score = getattr(result.accuracy, kind)
            note = f"{score.false_positive} false hits, {score.false_negative} misses"
            rows.append((label + CHECK, f"{size:,}", f"{getattr(score, measure):.4f}", "—", "—",
                         note))
    classes = sorted({cls for result in results.values() if result.accuracy is not None
                      for cls in result.accuracy.people_by_class})
    for cls in classes:
        for size, result in results.items():
            if result.accuracy is None or cls not in result.accuracy.people_by_class:
                continue
            found, named = result.accuracy.people_by_class[cls]
            recall = found / named if named else 1.0
            rows.append((f"people recall: {cls}{CHECK}", f"{size:,}", f"{recall:.4f}", "—", "—",
                         f"{found} of {named} found"))
    for size, result in results.items():
        if result.accuracy is not None:
            accuracy = result.accuracy
            rows.append(("dates: accuracy" + CHECK, f"{size:,}", f"{accuracy.date_accuracy:.4f}",
                         "—", "—", f"{accuracy.skipped} of {accuracy.files} files skipped"))
    return rows


def render_table(results: dict[int, SizeResult]) -> str:
    rows: list[tuple[str, ...]] = []
    for key, label in ROWS:
        rows.extend(figure_row(label, size, result.figures[key])
                    for size, result in results.items() if key in result.figures)
    rows.extend(accuracy_rows(results))
    widths = [max(len(row[i]) for row in (HEADER, *rows)) for i in range(len(HEADER))]
    right = {1, 2, 3, 4}

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                 for i, cell in enumerate(row)]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(HEADER), rule, *map(line, rows)])
