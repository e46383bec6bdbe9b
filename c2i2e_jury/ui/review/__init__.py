"""The certification jury president's review (PRODUCT.md §3.4): :class:`ReviewWorkspace`."""

from c2i2e_jury.ui.review.workspace import ReviewWorkspace

__all__ = ["ReviewWorkspace"]
