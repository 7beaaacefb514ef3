"""Pure rules: no Qt, no SQLAlchemy. Imports only the standard library and small pure libraries."""
