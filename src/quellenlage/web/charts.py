"""Charts as inline SVG, drawn on the server: no script, no CDN, and they print.

Columns over time (statements per day, stances per day) and bars of shares (women and men,
kinds of source, by outlet). Colours come from CSS classes in style.css, so the strict content
security policy holds (no inline styles) and the colours of stances match the tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH = 640
HEIGHT = 170
LEFT = 34  # room for the axis labels
BOTTOM = 22
TOP = 8
MOST_DAYS = 92  # longer spans are drawn by month
MOST_LABELS = 7

Columns = list[tuple[str, Counter[str]]]


def by_period(days: Iterable[tuple[date, Counter[str]]], *, monthly: bool = False) -> Columns:
    """Counts per day, gaps filled with empty days; by month where they span more than
    MOST_DAYS days, or when `monthly`."""
    counted: dict[date, Counter[str]] = {}
    for day, counts in days:
        counted.setdefault(day, Counter()).update(counts)
    if not counted:
        return []
    first, last = min(counted), max(counted)
    if not monthly and (last - first).days <= MOST_DAYS:
        return [
            ((first + timedelta(days=n)).isoformat(), counted.get(first + timedelta(days=n),
                                                                  Counter()))
            for n in range((last - first).days + 1)
        ]
    months: dict[str, Counter[str]] = {}
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months[f"{year:04d}-{month:02d}"] = Counter()
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for day, counts in counted.items():
        months[f"{day.year:04d}-{day.month:02d}"].update(counts)
    return list(months.items())


def column_chart(
    columns: Columns,
    categories: Sequence[str],
    *,
    caption: str,
    css_class: Callable[[str], str],
    label: Callable[[str], str],
) -> Markup:
    """Stacked columns, one per period, with a legend when there is more than one category;
    nothing when there is nothing to count."""
    tallest = max((sum(counts.values()) for _, counts in columns), default=0)
    if not tallest:
        return Markup("")
    plot_width = WIDTH - LEFT
    plot_height = HEIGHT - TOP - BOTTOM
    step = plot_width / len(columns)
    width = max(step * 0.8, 0.5)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(caption)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(caption)}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH}" '
        f'y2="{HEIGHT - BOTTOM}"/>',
        f'<text class="tick" x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{tallest}</text>',
        f'<text class="tick" x="{LEFT - 4}" y="{HEIGHT - BOTTOM}" text-anchor="end">0</text>',
    ]
    every = max(1, -(-len(columns) // MOST_LABELS))
    for index, (name, counts) in enumerate(columns):
        x = LEFT + index * step + (step - width) / 2
        y = float(HEIGHT - BOTTOM)
        for category in categories:
            value = counts.get(category, 0)
            if not value:
                continue
            height = value / tallest * plot_height
            y -= height
            parts.append(
                f'<rect class="{css_class(category)}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{width:.1f}" height="{height:.1f}"><title>{escape(name)}: '
                f"{escape(label(category))} {value}</title></rect>"
            )
        if index % every == 0:
            parts.append(
                f'<text class="tick" x="{x + width / 2:.1f}" y="{HEIGHT - 6}" '
                f'text-anchor="middle">{escape(name)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts)) + legend(
        [category for category in categories if any(c.get(category) for _, c in columns)],
        css_class, label,
    )


def legend(
    categories: Sequence[str], css_class: Callable[[str], str], label: Callable[[str], str]
) -> Markup:
    if len(categories) < 2:
        return Markup("")
    items = "".join(
        f'<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect '
        f'class="{css_class(category)}" width="10" height="10"/></svg>'
        f"{escape(label(category))}</li>"
        for category in categories
    )
    return Markup(f'<ul class="legend">{items}</ul>')


def share_bar(
    counts: Counter[str],
    categories: Sequence[str],
    *,
    css_class: Callable[[str], str],
    label: Callable[[str], str],
) -> Markup:
    """One bar of 100 %, split by category in order, each part with its share as a tooltip."""
    total = sum(counts.get(category, 0) for category in categories)
    if not total:
        return Markup("")
    parts = ['<svg class="share" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
             'xmlns="http://www.w3.org/2000/svg">']
    x = 0.0
    for category in categories:
        value = counts.get(category, 0)
        if not value:
            continue
        width = value / total * 100
        parts.append(
            f'<rect class="{css_class(category)}" x="{x:.2f}" y="0" width="{width:.2f}" '
            f'height="10"><title>{escape(label(category))}: {value} '
            f"({round(width)} %)</title></rect>"
        )
        x += width
    parts.append("</svg>")
    return Markup("".join(parts))
