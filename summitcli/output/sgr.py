"""Select Graphic Rendition parameters: the styles a terminal view uses, by meaning."""

BOLD = "1"
DIM = "2"
DIM_ITALIC = "2;3"
HEADING = "1;35"
MARKER = "36"
HIGHLIGHT = "1;7"
HEAT = ((4, "1;32"), (2, "32"), (1, "33"))  # whole numbers coloured by size: (at least, style)
