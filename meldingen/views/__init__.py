"""Views of the resident's and the public side: reporting (report), the reporter's status page
(follow) and the public list, map and figures (public). Views parse, check and call one service."""
