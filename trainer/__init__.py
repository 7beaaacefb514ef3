"""trainer — training and examination for 全科社工 (general-practice community social workers)."""

__version__ = "0.1.0"
