"""The Plan & team tab of the initiative page and the open cycle's plan actions."""
