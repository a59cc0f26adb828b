"""The public figures of reports: the numbers per wijk and month (stats), the charts drawn from
them on the server (charts) and the filter of the public list and map (filters)."""
