"""Extract dated events about inter-Korean relations from news texts."""
