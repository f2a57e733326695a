"""tolvfalt: the yearly kartläggning av samverkan after tolvfältaren, from YAML or Excel to a finished document."""

from __future__ import annotations

__version__ = "0.1.0"
