"""Built-in Jinja2 templates for briefs."""
