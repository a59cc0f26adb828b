"""Machine translation between residents and staff, opt-in and self-hosted.

A report or initiative in another language than Dutch gets a Dutch translation for staff; a
handler's message to such a resident gets one in the resident's language, for the mail and
the page. A translation is always stored beside its original (`models.MachineTranslation`),
never in its place, and every page and mail shows it marked as machine-made with the original
one click away. Only background tasks call the translator (`services.translate_later`, and the
mail task through `services.prepare_mail`): a slow or broken translator costs a request nothing,
and then everyone simply sees the original.

The backend is chosen by TRANSLATION_BACKEND: "none" (off, the default) or "libretranslate"
(`backends.LibreTranslate`, a server of our own). Import the modules you need; this package
imports nothing itself, so `common.models` can load the model."""
