"""Run every reference script in this folder (each writes its own test-data/reference/<area>/)."""
import pathlib
import runpy

here = pathlib.Path(__file__).resolve().parent
for script in sorted(here.glob('*.py')):
    if script.name != pathlib.Path(__file__).name:
        print(f'== {script.name}')
        runpy.run_path(str(script), run_name='__main__')
