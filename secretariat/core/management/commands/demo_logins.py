from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from secretariat.core.loading import demo_logins


class Command(BaseCommand):
    help = "Print the demo accounts and where the platform is served."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", default="8000")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\nSecretariat platform: http://127.0.0.1:{options['port']}/  (API: /api/v1/docs)\n")
        self.stdout.write("Demo accounts:")
        for username, password, description in demo_logins():
            self.stdout.write(f"  {username:<12} {password:<18} {description}")
        self.stdout.write("")
