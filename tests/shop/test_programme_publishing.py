"""Who publishes the programme's measures: editors and coordinators, who keep them, see
"Publiceren" in the snippet editor and their published measure and progress reach /programma/;
a draft does not. Everyone else is refused, and so is an account that may change measures but
was not given the right to publish them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts import roles
from shop.models import ThemePage
from shop.programme.models import Measure

pytestmark = pytest.mark.django_db

OWNERS = [roles.REDACTEUR, roles.COORDINATOR]
OTHERS = [
    roles.BEHANDELAAR,
    roles.INITIATIEVENMAKELAAR,
    roles.BEHEERDER,
    roles.BALIEMEDEWERKER,
    roles.BEWONER,
]
ADD = "wagtailsnippets_shop_measure:add"
EDIT = "wagtailsnippets_shop_measure:edit"


@pytest.fixture
def theme(page_tree):
    return ThemePage.objects.get(slug="thuis-en-gekend", locale__language_code="nl")


def formset(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    return data


def measure_form(theme, *, text: str, publish: bool, top10_rank="", updates=()) -> dict:
    data = {
        "theme": theme.pk,
        "title": text[:40],
        "text": text,
        "status": "bezig",
        "top10_rank": str(top10_rank),
        "number": "99",
        **formset("updates", list(updates)),
        **formset("links", []),
    }
    if publish:
        data["action-publish"] = "action-publish"
    return data


def test_the_owners_hold_every_measure_permission_and_nobody_else_does():
    for name in roles.ROLES:
        held = {
            f"shop.{codename}"
            for codename in Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="shop", codename__endswith="_measure")
            .values_list("codename", flat=True)
        }
        assert held == (set(roles.MEASURE_PERMISSIONS) if name in OWNERS else set()), name


@pytest.mark.parametrize("role", OWNERS)
def test_the_owner_sees_publiceren_in_the_snippet_editor(client, user_factory, theme, role):
    client.force_login(user_factory(role=role))
    measure = Measure.objects.filter(theme=theme).first()
    for url in (reverse(ADD), reverse(EDIT, args=[measure.pk])):
        html = client.get(url).content.decode()
        assert 'name="action-publish"' in html and "Publiceren" in html, url
        assert "Bewaar concept" in html  # a draft can still be kept


@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_get_no_editor_and_no_publish_action(client, user_factory, theme, role):
    client.force_login(user_factory(role=role))
    measure = Measure.objects.filter(theme=theme).first()
    for url in (reverse(ADD), reverse(EDIT, args=[measure.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert 'name="action-publish"' not in response.content.decode()


def test_changing_without_the_right_to_publish_shows_no_publiceren_and_keeps_a_draft(
    client, user_factory, theme
):
    """A right given by hand to change measures is not a right to publish them."""
    user = user_factory(role=roles.BEHANDELAAR)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="shop", codename__in=["add_measure", "change_measure"]
        )
    )
    client.force_login(user)
    html = client.get(reverse(ADD)).content.decode()
    assert "Bewaar concept" in html and 'name="action-publish"' not in html

    text = "Een maatregel die zonder recht op publiceren werd ingestuurd."
    client.post(reverse(ADD), measure_form(theme, text=text, publish=True))
    measure = Measure.objects.get(text=text)
    assert not measure.live
    assert text not in client.get(theme.url).content.decode()


@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_cannot_publish_by_posting(client, user_factory, theme, role):
    client.force_login(user_factory(role=role))
    text = "Een maatregel die iemand zonder rol probeert te publiceren."
    response = client.post(reverse(ADD), measure_form(theme, text=text, publish=True))
    assert response.status_code in (302, 403)
    assert not Measure.objects.filter(text=text).exists()


@pytest.mark.parametrize("role", OWNERS)
def test_a_published_measure_reaches_the_programme_and_a_draft_does_not(
    client, user_factory, theme, role
):
    client.force_login(user_factory(role=role))
    published = "Buurtkamers in elke wijk, open op zaterdag voor iedereen."
    draft = "Een plan dat nog een concept is en niet op de site mag staan."
    for text, publish, rank in [(published, True, 1), (draft, False, 2)]:
        response = client.post(
            reverse(ADD), measure_form(theme, text=text, publish=publish, top10_rank=rank)
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Measure.objects.get(text=published).live
    assert not Measure.objects.get(text=draft).live

    client.logout()
    for url in ("/programma/", theme.url):  # the top ten, and the theme with all its measures
        html = client.get(url).content.decode()
        assert published in html and draft not in html, url


def test_a_progress_update_reaches_the_programme_when_it_is_published(client, user_factory, theme):
    """A progress update is part of its measure (an inline, kept in the measure's revisions):
    saved as a draft it waits, published with the measure it is on the theme page."""
    editor = user_factory(role=roles.REDACTEUR)
    client.force_login(editor)
    text = "De voedselbank krijgt een eigen plek in Moerwijk."
    client.post(reverse(ADD), measure_form(theme, text=text, publish=True))
    measure = Measure.objects.get(text=text)
    update = {"date": "2026-11-20", "status": "bezig", "text": "De sleutel is overhandigd."}

    client.post(
        reverse(EDIT, args=[measure.pk]),
        measure_form(theme, text=text, publish=False, updates=[update]),
    )
    assert "De sleutel is overhandigd." not in client.get(theme.url).content.decode()
    assert not measure.updates.exists()  # the live measure is untouched by the draft

    client.post(
        reverse(EDIT, args=[measure.pk]),
        measure_form(theme, text=text, publish=True, updates=[update]),
    )
    client.logout()
    html = client.get(theme.url).content.decode()
    assert text in html and "De sleutel is overhandigd." in html
