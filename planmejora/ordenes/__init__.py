"""One module per verb of the command line; each is a thin layer over `planmejora.api`."""
