import sys
from pathlib import Path

# tests/golden holds helpers the tests share with the deliberate golden-regeneration commands.
sys.path.insert(0, str(Path(__file__).resolve().parent))
