"""Pieces every topic's figures share: grid panels, animation, code text, counts."""
