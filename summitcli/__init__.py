"""summit: sourced briefings on summit diplomacy, for terminals and shell scripts."""

__version__ = "0.1.0"
