"""Where an input is, as the public may see it: never the exact spot (a front door), but a point
on a grid of about 55 m by 55 m in Den Haag (0.0005° of latitude, 0.0008° of longitude at
52° N), so the public point is at most ~28 m north or south and east or west of the
real one (~39 m diagonally). Staff see the exact location."""

LAT_STEPS_PER_DEGREE = 2000  # 0.0005°: 55.6 m
LON_STEPS_PER_DEGREE = 1250  # 0.0008°: 54.8 m at 52° N


def coarse_point(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    if lat is None or lon is None:
        return None
    return (
        round(lat * LAT_STEPS_PER_DEGREE) / LAT_STEPS_PER_DEGREE,
        round(lon * LON_STEPS_PER_DEGREE) / LON_STEPS_PER_DEGREE,
    )


class CoarseLocation:
    """For a model with `lat` and `lon`: its public point."""

    def coarse_point(self) -> tuple[float, float] | None:
        return coarse_point(self.lat, self.lon)
