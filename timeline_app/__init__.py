"""Interactive timeline of dated inter-Korean events (Dash)."""
