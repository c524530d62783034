"""Redrawing without laying the screen out again, or without laying it out twice.

`Static.update` asks for a layout by default, and a layout draws again every widget that
moved or changed size: on a keystroke that is the list, the reading pane and the bar twice
over, where the count or the article's title needed one line. When the new text fits the
widget's current size the layout is skipped; when it does not (a title now wrapping onto
two lines), it is done as before (`update_in_place`). And a layout that changes a widget's
size no longer asks for a second one (`SizedInOnePass`)."""

from __future__ import annotations

from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.visual import VisualType
from textual.widget import Widget
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


class SizedInOnePass(Widget):
    """A widget whose virtual size a layout sets without asking for another layout.

    A layout of the screen sets each widget's virtual size, and Textual's reactive for it
    asks for another layout (and a repaint) when the value changes: the suggestions opening,
    the count changing width, or a new article in the reading pane laid the screen out a
    second time, in a frame of its own 15-35 ms after the first. The layout that sets the
    value has already arranged and drawn the widget from it, and updated its scrollbars:
    it is set here without either.

    Put it after the widget class in a class's bases: Textual takes the CSS of the first
    base only (an `OnePassStatic` is styled as a `Static`)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)


class OnePassStatic(Static, SizedInOnePass):
    """Text (the filter bar's count, the reading pane's title) that never costs the screen
    a second layout."""


class OnePassVertical(Vertical, SizedInOnePass):
    """A column whose new height never costs the screen a second layout."""
