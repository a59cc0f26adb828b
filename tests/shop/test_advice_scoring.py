"""The advice scoring: known answers and methods give a known ranking with known reasons and
caveats. Pure functions, no database."""

import random

from shop.methods.advice import Answers, rank, score

from .method_examples import (
    BUDGET,
    CONSULT_ELDERLY,
    METHODS,
    POLL,
    TALK,
    YOUTH_DECIDES,
)


def table(ranked) -> list[tuple]:
    return [
        (a.key, a.score, [n.code for n in a.reasons], [n.code for n in a.caveats]) for a in ranked
    ]


def test_consulting_older_residents_ranks_the_neighbourhood_conversation_first():
    assert table(rank(METHODS, CONSULT_ELDERLY)) == [
        (
            "buurtgesprek",
            20,
            ["goal", "influence", "audience", "time", "budget", "reach", "literacy"],
            [],
        ),
        (
            "online-peiling",
            6,
            ["goal", "influence", "time", "budget"],
            ["audience_missing", "reach_large", "literacy_hard"],
        ),
        # Same score as the poll: the slug decides, so every reader sees the same order.
        (
            "ontwerpsessie",
            6,
            ["audience", "time", "reach", "literacy"],
            ["influence_higher", "budget_short"],
        ),
        (
            "wijkbudget",
            -8,
            ["audience", "literacy"],
            ["influence_higher", "time_short", "budget_short", "reach_large"],
        ),
    ]


def test_young_people_deciding_online_ranks_the_budget_first():
    assert table(rank(METHODS, YOUTH_DECIDES)) == [
        (
            "wijkbudget",
            19,
            ["goal", "influence", "audience", "time", "budget", "channel", "reach"],
            ["languages_adapt"],
        ),
        (
            "online-peiling",
            7,
            ["audience", "time", "budget", "channel", "reach"],
            ["influence_lower", "languages_adapt"],
        ),
        (
            "ontwerpsessie",
            1,
            ["audience", "time", "budget"],
            ["influence_lower", "channel_offline", "reach_small", "languages_adapt"],
        ),
        (
            "buurtgesprek",
            -3,
            ["time", "budget", "languages"],
            ["influence_lower", "audience_missing", "channel_offline", "reach_small"],
        ),
    ]


def test_reasons_and_caveats_are_plain_sentences_about_the_plan():
    talk = score(TALK, CONSULT_ELDERLY)
    assert talk.reasons[0].text == "Helpt bij uw doel: weten wat mensen ergens van vinden."
    assert "ouderen" in talk.reasons[2].text
    assert "8 tot 40" in talk.reasons[5].text
    budget = score(BUDGET, CONSULT_ELDERLY)
    assert "meer invloed" in budget.caveats[0].text
    assert "langer dan twee maanden" in budget.caveats[1].text


def test_saying_that_reading_is_hard_moves_the_online_poll_down():
    without = Answers(**{**CONSULT_ELDERLY.__dict__, "low_literacy": False})
    assert score(POLL, without).score == 10
    assert score(POLL, CONSULT_ELDERLY).score == 6
    assert "literacy" not in [n.code for n in score(TALK, without).reasons]


def test_the_ranking_does_not_depend_on_the_order_of_the_methods():
    expected = table(rank(METHODS, CONSULT_ELDERLY))
    shuffled = METHODS[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert table(rank(shuffled, CONSULT_ELDERLY)) == expected
    assert [a.key for a in rank(METHODS, CONSULT_ELDERLY, limit=2)] == [
        "buurtgesprek",
        "online-peiling",
    ]
