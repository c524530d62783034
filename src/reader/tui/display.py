"""Strings from outside the article text (file-name titles, paths, sources, notes) made
safe to draw: the same cleaning as article text, so an escape sequence in a file name or a
note never reaches the terminal. Cached, since the list asks for every visible row."""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from textual.widget import Widget

from reader.ingest.clean import clean_text


@lru_cache(maxsize=8192)
def shown(text: str) -> str:
    """One line, without escape sequences or control characters."""
    return " ".join(clean_text(text).split())


def blended_style(widget: Widget, component: str) -> Style:
    """A component's Rich style with its colour blended over the widget's background. Rich
    colours have no alpha: a muted theme colour such as `$foreground-muted` would otherwise
    come out at full strength, as bright as the text it should recede behind."""
    style = widget.get_component_rich_style(component, partial=True)
    colour = widget.get_component_styles(component).color
    if colour.a < 1:
        _, background = widget.background_colors
        style += Style(color=(background + colour).rich_color)
    return style
