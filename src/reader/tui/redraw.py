"""Redrawing a line of text without laying the screen out again.

`Static.update` asks for a layout by default, and a layout draws again every widget that
moved or changed size: on a keystroke that is the list, the reading pane and the bar twice
over, where the count or the article's title needed one line. When the new text fits the
widget's current size the layout is skipped; when it does not (a title now wrapping onto
two lines), it is done as before."""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


def update_in_place(widget: Static, content: VisualType) -> None:
    """`widget.update(content)`, laying out only if the widget's size must change."""
    widget.update(content, layout=False)
    if not _fits(widget):
        widget.refresh(layout=True)


def _fits(widget: Static) -> bool:
    size = widget.content_size
    if not size.width or not widget.display:
        return False  # not laid out yet, or hidden: nothing to keep
    styles = widget.styles
    width, height = styles.width, styles.height
    container, viewport = widget.container_size, widget.app.size
    if width is not None and width.is_auto and \
            widget.get_content_width(container, viewport) != size.width:
        return False
    return not (height is not None and height.is_auto and
                widget.get_content_height(container, viewport, size.width) != size.height)
