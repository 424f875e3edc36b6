"""One name per entity across the site (issue #17): spellings, surnames alone and
acronyms that other stories settled under a fuller name, the editor's names kept."""

from newsdigest.core.entities.site_names import site_aliases


def test_spelling_variants_take_the_most_used_spelling():
    tags = [("Southeast Asia", "place")] * 3 + [("South East Asia", "place")]
    assert site_aliases(tags, set()) == {"South East Asia": "Southeast Asia"}


def test_a_surname_alone_is_the_one_full_name_of_the_site():
    tags = [("Jens Stoltenberg", "person"), ("Stoltenberg", "person"), ("Oslo", "place")]
    assert site_aliases(tags, set()) == {"Stoltenberg": "Jens Stoltenberg"}


def test_a_surname_two_people_share_stays():
    tags = [("Anna Berg", "person"), ("Carl Berg", "person"), ("Berg", "person")]
    assert site_aliases(tags, set()) == {}


def test_an_acronym_is_the_one_name_with_its_initials():
    tags = [("Agence France-Presse", "organization"), ("AFP", "organization")]
    assert site_aliases(tags, set()) == {"AFP": "Agence France-Presse"}


def test_the_editors_name_is_never_renamed_but_others_join_it():
    tags = [("South East Asia", "place")] + [("Southeast Asia", "place")] * 5
    assert site_aliases(tags, {"South East Asia"}) == {"Southeast Asia": "South East Asia"}
    assert (
        site_aliases([("AFP", "organization"), ("Agence France-Presse", "organization")], {"AFP"})
        == {}
    )
