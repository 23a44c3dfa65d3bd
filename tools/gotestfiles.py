"""gotestfiles: the .go files of Go's own test suite that a runner takes.

Shared by tools/gotests.py (the `// run` tests) and tools/errorcheck.py
(the `// errorcheck` tests): arguments name files or directories; with
none, the given subdirectories of $GOROOT/test are read, in sorted order.
"""
import os


def go_files(args, default_dirs):
    files = []
    for a in args or default_dirs:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.endswith('.go'):
                    files.append(os.path.join(a, name))
        else:
            files.append(a)
    return files
