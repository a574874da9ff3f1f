"""WSGI entry point (serve as WSGI: ASGI ran the same views 4-6x slower here, see STACK.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
application = get_wsgi_application()
