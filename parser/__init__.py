"""tapsyrma.parser: text in, :class:`Act` out."""
