"""The procès-verbal's dialog on its own: how the members are typed (the dialog's flows, from the review
workspace, are in ``test_president_documents``, ``test_pv_place`` and ``test_counts``)."""

from __future__ import annotations

from c2i2e_jury.ui.review.pv_dialog import parse_members


def test_members_are_typed_one_a_line_with_their_role_after_a_comma():
    members = parse_members("Jean  Martin, représentant du comité de site\n\n  Zoé Mäkelä-Garçon  \n")
    assert [(m.name, m.role) for m in members] == [
        ("Jean Martin", "Représentant du comité de site"),
        ("Zoé Mäkelä-Garçon", "Membre"),
    ]
