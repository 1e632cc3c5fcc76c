"""Retrain the routing suggester from the platform's own past routing decisions."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from secretariat.petitions.services.routing import routing_model_train


class Command(BaseCommand):
    help = "Train the lead-agency suggester on past petition routing decisions and store the new model."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-samples", type=int, default=50_000,
                            help="Learn from at most this many of the most recent routed petitions.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["max_samples"] < 1:
            self.stderr.write("--max-samples must be at least 1.")
            raise SystemExit(2)
        report = routing_model_train(max_samples=options["max_samples"])
        self.stdout.write(f"Samples: {report.sample_count}")
        self.stdout.write(f"Classes: {len(report.class_counts)} agencies")
        for name, count in report.class_counts:
            self.stdout.write(f"  {name}: {count}")
        if report.model_id is None:
            self.stdout.write(self.style.WARNING(
                "Not trained: routing decisions for at least two agencies are needed."))
            return
        if report.accuracy is None or report.top3_accuracy is None:
            self.stdout.write("Held-out accuracy: not measured (too few decisions to hold some out).")
        else:
            self.stdout.write(f"Held-out accuracy: {report.accuracy:.1%} (top 3: {report.top3_accuracy:.1%}) "
                              f"on {report.held_out} decisions")
        self.stdout.write(f"Vocabulary: {report.vocabulary} n-grams; confidence sharpness {report.sharpness:g}")
        self.stdout.write(self.style.SUCCESS(f"Stored routing model {report.model_id}."))
