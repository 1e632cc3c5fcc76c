"""Renderers of a composed report: text and JSON (`text`, with the helpers the others share), HTML, and the
documents (ODT and PDF, DOCX) written from one element sequence (`flow`)."""
