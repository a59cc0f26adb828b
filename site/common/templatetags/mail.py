"""Links in e-mails: `{% mail_url path %}` is the full address of `path` in the mail's language
(common.mailtext.mail_url)."""

from django import template

from common.mailtext import mail_url as _mail_url

register = template.Library()


@register.simple_tag
def mail_url(path: str) -> str:
    return _mail_url(path or "")
