"""Views of the resident's and the public side. Views parse, check and call one service."""
