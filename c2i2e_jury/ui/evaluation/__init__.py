"""The « Évaluation » workspace: the evaluator's candidates, their dossiers and marks (issue 17)."""
