"""safeguarding: the English child-safeguarding domain as typed models and functions."""
