"""planmejora: reads every copy of GEM-FM014, cleans what people typed, keeps one record.

The Python API a user calls without the command line lives in `planmejora.api`.
"""
