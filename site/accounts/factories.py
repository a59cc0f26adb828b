"""Users per role. A factory user has a verified email address, so they can log in by code."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from common.factories import AfdelingFactory

from . import roles
from .models import User


def role_hook(default: str | None):
    """A post-generation hook that puts the user in a role group: `UserFactory(role="redacteur")`,
    or the subclass's default."""

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        name = extracted or default
        if create and name:
            obj.groups.add(Group.objects.get_or_create(name=name)[0])
            if name in roles.STAFF_ROLES and not obj.is_staff:
                obj.is_staff = True
                obj.save(update_fields=["is_staff"])

    return role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bewoner{n}@example.org")
    display_name = factory.Faker("first_name", locale="nl_NL")
    preferred_language = "nl"
    password = factory.django.Password(None)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    role = role_hook(None)


class ResidentFactory(UserFactory):
    role = role_hook(roles.BEWONER)


class BrokerFactory(UserFactory):
    email = factory.Sequence(lambda n: f"makelaar{n}@zuidwest.example")
    role = role_hook(roles.INITIATIEVENMAKELAAR)


class HandlerFactory(UserFactory):
    email = factory.Sequence(lambda n: f"behandelaar{n}@zuidwest.example")
    afdeling = factory.SubFactory(AfdelingFactory)
    role = role_hook(roles.BEHANDELAAR)


class EditorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"redacteur{n}@zuidwest.example")
    role = role_hook(roles.REDACTEUR)


class CoordinatorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"coordinator{n}@zuidwest.example")
    role = role_hook(roles.COORDINATOR)


class AdministratorFactory(UserFactory):
    email = factory.Sequence(lambda n: f"beheerder{n}@zuidwest.example")
    role = role_hook(roles.BEHEERDER)


class DeskEmployeeFactory(UserFactory):
    email = factory.Sequence(lambda n: f"balie{n}@zuidwest.example")
    role = role_hook(roles.BALIEMEDEWERKER)
