import multiprocessing
import sys

from casefile.cli import main

# Guarded: screening's worker processes are spawned, and a spawned process imports the
# parent's main module again (as __mp_main__); it must not run the command a second time.
if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen build's workers start here
    sys.exit(main())
