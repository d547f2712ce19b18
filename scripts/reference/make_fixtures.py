"""Run every reference script in this folder (each writes its own test-data/reference/<area>/).
Scripts that write what others read run first: preprocess.py (the crops morphology.py and threshold.py
read), measure.py (the DSB 256 labels classify_objects.py reads), segment_secondary.py (the cells and
nuclei radial_distribution.py reads); the rest in name order."""
import pathlib
import runpy

FIRST = ['preprocess.py', 'measure.py', 'segment_secondary.py']

here = pathlib.Path(__file__).resolve().parent
scripts = sorted(here.glob('*.py'), key=lambda p: (FIRST.index(p.name) if p.name in FIRST else len(FIRST), p.name))
for script in scripts:
    if script.name != pathlib.Path(__file__).name:
        print(f'== {script.name}')
        runpy.run_path(str(script), run_name='__main__')
