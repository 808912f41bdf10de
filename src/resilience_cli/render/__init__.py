"""Rich renderables for the terminal, one module per view.

Meaning is never carried by colour alone: every styled thing also has words.
"""
