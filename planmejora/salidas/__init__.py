"""What every file planmejora writes for people shares: escaping of typed text, and Excel sheets that print.

The quality report, the consolidated plan, the F14.1 and the follow-up all write cells typed by
strangers into files opened by the office: they go through the same escaping and the same sheet
layout, said once here.
"""
