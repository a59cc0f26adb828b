"""Example methods and advice answers that the shop tests share: the facts of four methods
(without a database) and two civil servants' answers, with what each test expects of them."""

from shop.methods.advice import Answers
from shop.methods.facets import MethodFacts

TALK = MethodFacts(
    key="buurtgesprek",
    goals=frozenset({"mening", "contact"}),
    influence=frozenset({"raadplegen", "adviseren"}),
    audiences=frozenset({"bewoners", "ouderen"}),
    channels=frozenset({"offline"}),
    group_min=8,
    group_max=40,
    duration="kort",
    cost="laag",
    low_literacy="goed",
    other_languages="goed",
)
POLL = MethodFacts(
    key="online-peiling",
    goals=frozenset({"mening"}),
    influence=frozenset({"raadplegen"}),
    audiences=frozenset({"bewoners", "jeugd"}),
    channels=frozenset({"online"}),
    group_min=50,
    group_max=5000,
    duration="kort",
    cost="laag",
    low_literacy="lastig",
    other_languages="aanpassing",
)
BUDGET = MethodFacts(
    key="wijkbudget",
    goals=frozenset({"kiezen"}),
    influence=frozenset({"meebeslissen"}),
    audiences=frozenset({"bewoners", "jeugd", "ouderen"}),
    channels=frozenset({"offline", "online"}),
    group_min=100,
    group_max=5000,
    duration="lang",
    cost="hoog",
    low_literacy="goed",
    other_languages="aanpassing",
)
DESIGN = MethodFacts(
    key="ontwerpsessie",
    goals=frozenset({"plan", "ideeen"}),
    influence=frozenset({"adviseren", "coproduceren"}),
    audiences=frozenset({"bewoners", "jeugd", "ouders", "ouderen"}),
    channels=frozenset({"offline"}),
    group_min=10,
    group_max=40,
    duration="middel",
    cost="middel",
    low_literacy="goed",
    other_languages="aanpassing",
)
METHODS = [TALK, POLL, BUDGET, DESIGN]

# A civil servant who wants to hear older residents, can only consult, has a few weeks and
# little money, and knows many of them read with difficulty.
CONSULT_ELDERLY = Answers(
    goal="mening",
    influence="raadplegen",
    time="middel",
    budget="laag",
    reach="groep",
    channel="beide",
    audiences=frozenset({"ouderen"}),
    low_literacy=True,
)
# A programme that lets young people decide on money, online, for the whole wijk.
YOUTH_DECIDES = Answers(
    goal="kiezen",
    influence="meebeslissen",
    time="lang",
    budget="hoog",
    reach="wijk",
    channel="online",
    audiences=frozenset({"jeugd"}),
    other_languages=True,
)

# Every filter of the databank index at once.
EVERY_FILTER = {
    "q": "e",
    "doel": ["mening", "kiezen"],
    "invloed": ["raadplegen", "meebeslissen"],
    "doelgroep": ["bewoners"],
    "vorm": ["offline", "online"],
    "toegankelijk": ["laaggeletterd"],
    "duur": ["kort", "lang"],
    "kosten": ["laag", "hoog"],
}
