import statistics
import time

import pytest


class Timer:
    def __init__(self):
        self.samples: list[float] = []

    def __call__(self, fn, *args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        self.samples.append(time.perf_counter() - start)
        return result

    def report(self, label: str) -> str:
        data = sorted(self.samples)
        p95 = data[max(0, int(len(data) * 0.95) - 1)]
        return (
            f"{label}: n={len(data)} p50={statistics.median(data) * 1000:.1f} ms "
            f"p95={p95 * 1000:.1f} ms total={sum(data):.1f} s"
        )


@pytest.fixture
def timer():
    return Timer()
