"""Edition files (the curator's order and notes) and the edition model."""
