"""What the initiative forms share: the photo types a phone may send, and the text box."""

from django import forms

IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif"


def text_field(
    label, *, rows: int, max_length: int | None = None, help_text="", required_message=None
) -> forms.CharField:
    """A text box of `rows` lines. With `required_message` it must be filled in, and an empty
    box is refused in those words; without, it may stay empty."""
    if required_message is not None:
        required = {"error_messages": {"required": required_message}}
    else:
        required = {"required": False}
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        help_text=help_text,
        **required,
    )
