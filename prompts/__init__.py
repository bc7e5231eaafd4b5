"""The model prompts, as Jinja2 templates; installed as the package ``briefing.prompts``."""
