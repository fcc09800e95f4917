"""One module per third-party library whose internals pressconv touches, and nothing else.

Every private attribute, internal class or undocumented behaviour of a library
is reached through its module here, so an upgrade breaks in one visible place;
each module names the versions it was tested with and has a probe test.
"""
