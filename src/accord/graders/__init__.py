"""Graders: turn a model's response into a labelled, scored judgement."""

from accord.graders._base import Grade, Grader, create_grader, grader_names, register_grader

__all__ = ["Grade", "Grader", "create_grader", "grader_names", "register_grader"]
