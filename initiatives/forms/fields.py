"""What the initiative forms share: the photo types a phone may send."""

IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif"
