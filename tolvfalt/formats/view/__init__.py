"""What every format shows, built once per object and language, a module per view: the writers only lay
these out. ``rating`` and ``common`` hold what several views share."""
