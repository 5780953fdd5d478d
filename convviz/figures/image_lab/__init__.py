"""Views of the Image lab."""
