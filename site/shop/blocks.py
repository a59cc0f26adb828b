"""StreamField blocks that editors combine into pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"))
    text = blocks.TextBlock(label=_("tekst"), required=False)
    link_page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    link_url = blocks.CharBlock(label=_("of adres"), required=False)
    link_label = blocks.CharBlock(label=_("knoptekst"))

    class Meta:
        icon = "link"
        template = "shop/blocks/call_to_action.html"


class MeasuresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"))
    items = blocks.ListBlock(blocks.TextBlock(label=_("maatregel")), label=_("maatregelen"))
    ordered = blocks.BooleanBlock(label=_("genummerd"), required=False)

    class Meta:
        icon = "list-ol"
        template = "shop/blocks/measures.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("tussenkop"),
        form_classname="title",
        icon="title",
        template="shop/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    measures = MeasuresBlock(label=_("lijst van maatregelen"))
    call_to_action = CallToActionBlock(label=_("oproep"))
