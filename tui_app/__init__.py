"""The terminal app and the `briefing` command. Importing this package does not import Textual."""
