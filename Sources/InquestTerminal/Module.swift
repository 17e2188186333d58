// ncurses backend: draws CellBuffer diffs and decodes keys
