"""Lines of a PDF as they are drawn from left to right (common.pdftext): Arabic shaped and in
display order, brackets facing the right way, an address or a phone number in one piece."""

from common.pdftext import ARABIC, LATIN, font_for, ltr, runs, visual

SHOP = "اتصلوا بمكتب المشاركة (Participatiewinkel): "  # "call the participation shop ... :"


def test_left_to_right_text_is_drawn_as_it_is():
    assert visual("Bel de participatiewinkel (14 070).") == "Bel de participatiewinkel (14 070)."
    assert visual("Tel " + ltr("14 070")) == "Tel 14\u00a0070"  # marks are not drawn


def test_arabic_is_shaped_and_read_from_the_right():
    # "الحي" (the neighbourhood): alef, then lam, ha and ya joined; drawn last letter first.
    assert visual("الحي", rtl=True) == "\ufef2\ufea4\ufedf\ufe8d"


def test_brackets_face_their_text_and_the_phone_number_keeps_its_order():
    drawn = visual(SHOP + ltr("14 070") + ".", rtl=True)
    assert drawn.startswith(".14\u00a0070 :(Participatiewinkel) ")
    # Without the isolation the bidi algorithm would put the two groups the other way round.
    assert visual("\u0627: 14 070.", rtl=True) == ".070 14 :\ufe8d"


def test_an_address_keeps_its_last_slash():
    drawn = visual("اذهبوا إلى " + ltr("https://example.nl/stemmen/"), rtl=True)
    assert drawn.startswith("https://example.nl/stemmen/ ")


def test_each_script_gets_its_font():
    assert font_for("ب") == ARABIC[0] and font_for("ş", bold=True) == LATIN[1]
    assert font_for("Ж") == LATIN[0] and font_for("\ufef2") == ARABIC[0]
    assert runs("abc \ufef2\ufea4 1") == (
        (LATIN[0], "abc "),
        (ARABIC[0], "\ufef2\ufea4 "),
        (LATIN[0], "1"),
    )
