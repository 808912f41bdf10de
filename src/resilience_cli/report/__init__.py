"""The supervision summary: a pure document model (`document`), identifier
warnings (`identifiers`), and one renderer per format (`text`, `html`, `pdf`)."""
