"""The platform's user: an email address is the login; no usernames, ever."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.fields import optional_fk


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mailadres"), unique=True)
    display_name = models.CharField(
        _("naam die anderen zien"),
        max_length=80,
        blank=True,
        help_text=_("Mag ook alleen een voornaam zijn. Leeg laten mag."),
    )
    wijk = optional_fk("common.Wijk", _("mijn wijk"), related_name="residents")
    preferred_language = models.CharField(
        _("taal"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    notify_updates = models.BooleanField(
        _("e-mail bij nieuws over mijn meldingen, initiatieven en aanmeldingen"), default=True
    )
    notify_wijk_news = models.BooleanField(
        _("e-mail bij nieuws uit mijn wijk (nieuwe stemronde, inspraak)"), default=False
    )
    afdeling = optional_fk(
        "common.Afdeling", _("afdeling (voor behandelaars)"), related_name="members"
    )
    is_staff = models.BooleanField(_("medewerker"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("lid sinds"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def has_role(self, role: str) -> bool:
        from .roles import role_names

        return role in role_names(self)
