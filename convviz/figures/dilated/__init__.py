"""Figures of the dilated page, with its receptive-field views."""
