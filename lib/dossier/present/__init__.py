"""Stage 5, present: analysis -> what people see (tables, charts, evidence, widgets, templates)."""
