"""Every junk rule removes what it names and keeps real paragraphs that resemble it."""

import pytest

from newsdigest.core.text.junk import DEFAULT_RULES, compile_extra_rules, match_rule, remove_junk

REMOVED = [
    ("In Other News", "trailer"),
    ("Load More", "trailer"),
    ("Load more stories below", "trailer"),
    ("Read more", "trailer"),
    ("Read More »", "trailer"),
    ("Read more: Scotland's grid queue explained", "trailer"),
    ("Related: Antwerp unveils its own automation plan", "trailer"),
    ("Related stories", "trailer"),
    ("Share this", "trailer"),
    ("Share this article", "trailer"),
    ("Share on Facebook", "trailer"),
    ("Sign up for our daily business newsletter", "trailer"),
    ("Subscribe to our newsletter for the week's best stories", "trailer"),
    ("Click here to subscribe to our culture newsletter", "trailer"),
    ("Skip to main content", "trailer"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("(AP Photo/Marco Keller)", "photo-credit"),
    ("Photo: National Institute of Ocean Studies", "photo-credit"),
    ("Image by Jane Doe/Reuters", "photo-credit"),
    ("Copyright 2026 The Associated Press. All rights reserved.", "copyright"),
    ("© 2026 Example Media Ltd", "copyright"),
    ("Copyright © 2026 Reuters. All rights reserved.", "copyright"),
    ("___", "separator"),
    ("* * *", "separator"),
    ("--> -->", "separator"),
    ("Enter your email:", "trailer"),
    ("Receive latest updates", "trailer"),
    ("View all", "trailer"),
    (
        "To sign up for updates or to access your subscriber preferences please enter your "
        "contact information below.",
        "trailer",
    ),
    ("Reporting by Oliver Marsh; Editing by Claire Hughes", "wire-credit"),
    ("Follow Priya Nair on X: @priyanair_news", "social-follow"),
    ("Follow Jane Doe on Twitter", "social-follow"),
    ("Follow AP's coverage of the floods at https://example.org/hub/floods", "social-follow"),
    ("Also on harbourcourier.example Tram drivers vote to strike", "trailer"),
    ("Like this story? Share it with a friend!", "trailer"),
    ("Don't Miss", "trailer"),
    (
        "This copy is for your personal, non-commercial use only. To order presentation-ready "
        "copies for distribution to your colleagues, clients or customers visit "
        "https://www.djreprints.com.",
        "reprint-notice",
    ),
    ("Reprints & Permissions", "reprint-notice"),
    ("Filed under: Transport, Helsinki, City council", "filed-under"),
    ("Posted in: World", "filed-under"),
    ("Tags: ferries, Estonia, Finland", "filed-under"),
    ("Topics", "filed-under"),
    ("Harbour chief quits after ferry row [VIDEO]", "trailer"),
    ("Storm closes the coast road again [INSIGHT]|", "trailer"),
    ("[Related: Tram fares rise for the second year running]", "trailer"),
    ("Related post: Rye bread, the slow way", "trailer"),
    ("Most read in world news", "trailer"),
    ("Get the day's top headlines delivered to your inbox every morning.", "trailer"),
    ("Plenty more where that came from. Sign up for the Harbour Brief newsletter.", "trailer"),
    ("Get Coastal Monthly delivered through your letterbox every month.", "trailer"),
    ("An error has occurred, please try again later.", "trailer"),
    (
        "Harbour Courier writers Ana Lopes, Ben Okafor, Clara Vidal, Dmitri Sokolov, Eva "
        "Lindqvist, Farid Haddad and Grace Mwangi contributed to this report.",
        "wire-credit",
    ),
    ("Ines Moreau contributed reporting from Lisbon.", "wire-credit"),
    ("copyright Harbour Courier 2026 - ISSN: 1234-5678", "copyright"),
    ("Follow the Courier on Instagram, Facebook, X and YouTube.", "social-follow"),
    ("Follow Courier Opinion on Facebook, X (@CourierOpinion) and Instagram.", "social-follow"),
    ("Follow @CourierDeals on X to keep up with the best deals of the week.", "social-follow"),
    (
        "If you enjoyed this article, we have a proposition for you: join our members and "
        "read everything without a paywall.",
        "appeal",
    ),
]

KEPT = [
    # Corrections are news.
    "This story has been corrected to show that the appeal is for 95 million dollars.",
    # A real sentence that merely contains a junk phrase.
    "Users complained that the app would load more slowly after the update.",
    "Officials said they would share this information with the committee on Friday.",
    "Related talks between the two unions will resume next week.",
    "Photographs by local residents showed water reaching the first floor of homes.",
    "Copyright lawyers said the ruling would change how museums license images.",
    "Click-through rates for the campaign doubled, the company said.",
    "Readers can follow the debate on the council's website, officials said.",
    "Advertisement revenue fell 12% in the quarter, the newspaper group reported.",
    "Read more carefully, the judge told the lawyers, and you will find the clause.",
    "Posted in Kabul for two years, the officer said the city had changed beyond recognition.",
    "Also on the agenda is a vote on the harbour budget, the mayor said.",
    "Tags on the seized crates showed they had left the port in March.",
    "Filed in March, the lawsuit claims the ferry operator ignored safety warnings.",
    "Copyright holders sued in 2019 over the new rules.",
    "The governor said she would sign up for the programme herself.",
    "Officials said the news [was] a relief to the harbour's workers.",
    "Ballots will be delivered to your door by the end of the month, the clerk said.",
    "Most read in the village was the weekly paper, she recalled.",
    "If you enjoyed the concert, the mayor said, wait for next year.",
    "To sign up for updates on the ferry timetable, residents must visit the harbour office.",
    "View all the harbour's old maps at the museum until May, the curator said.",
    "Enter your email address and a code will be sent, the bank told customers.",
]


@pytest.mark.parametrize(("text", "rule"), REMOVED)
def test_rule_removes_site_furniture(text, rule):
    matched = match_rule(text, DEFAULT_RULES)
    assert matched is not None, text
    assert matched.name == rule


@pytest.mark.parametrize("text", KEPT)
def test_real_paragraphs_are_kept(text):
    assert match_rule(text, DEFAULT_RULES) is None


def test_removal_keeps_order_and_records_rules():
    kept, removed = remove_junk(["First.", "Advertisement", "Second.", "In Other News"])
    assert kept == ["First.", "Second."]
    assert [(r.text, r.rule) for r in removed] == [
        ("Advertisement", "advertisement"),
        ("In Other News", "trailer"),
    ]


def test_a_paragraph_pasted_twice_in_a_row_is_removed_once_as_duplicate():
    kept, removed = remove_junk(["Alpha said yes.", "alpha  said YES.", "Beta."])
    assert kept == ["Alpha said yes.", "Beta."]
    assert [(r.text, r.rule) for r in removed] == [("alpha  said YES.", "duplicate")]


def test_a_repeat_with_only_an_advert_between_is_still_adjacent():
    kept, removed = remove_junk(["Alpha said yes.", "Advertisement", "Alpha said yes.", "Beta."])
    assert kept == ["Alpha said yes.", "Beta."]
    assert [r.rule for r in removed] == ["advertisement", "duplicate"]


def test_the_storys_own_repeats_are_kept():
    """Interview questions put to each person, a recipe's repeated steps, product lists."""
    paragraphs = [
        "What is the best thing about the job?",
        "Seeing the ferry come in at dawn, said Mari.",
        "What is the best thing about the job?",
        "The quiet, said Jaan.",
        "Stir well and season.",
        "For the second sauce, melt the butter.",
        "Stir well and season.",
    ]
    kept, removed = remove_junk(paragraphs)
    assert kept == paragraphs and removed == []


def test_site_furniture_is_removed_wherever_it_is():
    furniture = frozenset({"support independent local news today."})
    kept, removed = remove_junk(
        ["Story.", "Support independent local news today.", "More story."], furniture=furniture
    )
    assert kept == ["Story.", "More story."]
    assert removed[0].rule == "site-furniture"


def test_site_patterns_add_rules():
    rules = DEFAULT_RULES + compile_extra_rules([r"More from the Weekly Wire.*"])
    kept, removed = remove_junk(["Story.", "More from the Weekly Wire: podcasts"], rules)
    assert kept == ["Story."]
    assert removed[0].rule == "site-rule"


def test_long_paragraph_is_never_furniture():
    paragraph = "Related: " + "the ministers discussed the budget at length. " * 6
    assert match_rule(paragraph.strip(), DEFAULT_RULES) is None
