"""C — consistency between sections and between documents."""
